import Testing

/// The passing side of the timing rules (issue 20): the generated defaults,
/// patroni's own defaults and settings right at each limit give no
/// diagnostic; the failing side is in BadDefinitionTests.
@Suite struct TimingCheckTests {
    @Test(arguments: [
        "",
        "patroni:\n  ttl: 30\n  loop_wait: 10\n  retry_timeout: 10\nhaproxy:\n  check_interval: 3\n  fall: 3\n  rise: 2\n",
        // loop_wait + 2 × retry_timeout = ttl; fall × check_interval = ttl − loop_wait − 1.
        "patroni:\n  ttl: 12\n  loop_wait: 2\n  retry_timeout: 5\nhaproxy:\n  check_interval: 3\n  fall: 3\n",
        "etcd:\n  heartbeat_interval: 200\n  election_timeout: 1000\n",
        "etcd:\n  election_timeout: 50000\n",
        "haproxy:\n  on_marked_down: keep-sessions\n",
        "patroni:\n  synchronous_mode_strict: true\n",
        "patroni:\n  synchronous_mode: false\n",
    ])
    func soundTimingsPass(_ tail: String) {
        #expect(diagnose(validHead + tail) == [])
    }
}
