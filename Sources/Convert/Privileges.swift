/// Linux capabilities and the illumos privileges (privileges(7)) that
/// allow the same things; the pairs are documented in docs/convert.md.
enum Privileges {
    static let forCapability: [String: [String]] = [
        "CAP_NET_BIND_SERVICE": ["net_privaddr"],
        "CAP_NET_RAW": ["net_rawaccess", "net_icmpaccess"],
        "CAP_NET_ADMIN": ["sys_ip_config", "net_config"],
        "CAP_NET_BROADCAST": ["net_rawaccess"],
        "CAP_SYS_TIME": ["sys_time"],
        "CAP_CHOWN": ["file_chown"],
        "CAP_DAC_OVERRIDE": ["file_dac_read", "file_dac_write", "file_dac_execute", "file_dac_search"],
        "CAP_DAC_READ_SEARCH": ["file_dac_read", "file_dac_search"],
        "CAP_FOWNER": ["file_owner"],
        "CAP_FSETID": ["file_setid"],
        "CAP_KILL": ["proc_owner"],
        "CAP_SETUID": ["proc_setid"],
        "CAP_SETGID": ["proc_setid"],
        "CAP_SYS_CHROOT": ["proc_chroot"],
        "CAP_IPC_LOCK": ["proc_lock_memory"],
        "CAP_IPC_OWNER": ["ipc_dac_read", "ipc_dac_write", "ipc_owner"],
        "CAP_SYS_NICE": ["proc_priocntl"],
        "CAP_SYS_RESOURCE": ["sys_resource"],
        "CAP_SYS_ADMIN": ["sys_admin"],
        "CAP_AUDIT_WRITE": ["proc_audit"],
        "CAP_SYS_PTRACE": ["proc_owner"],
        "CAP_MKNOD": ["sys_devices"],
        "CAP_SYS_BOOT": ["sys_config"],
        "CAP_LINUX_IMMUTABLE": ["file_flag_set"],
        "CAP_SYS_MODULE": ["sys_config"],
    ]
}
