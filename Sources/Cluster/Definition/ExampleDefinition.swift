/// The commented definition `smfkit init` prints: the walk-through cluster
/// for the chosen stack, with every optional key shown commented out at its
/// default. Defaults are interpolated from the model, so the text cannot
/// drift from what the loader assumes.
public enum ExampleDefinition {
    public static func text(stack: Stack) -> String {
        let defaults = ClusterDefinition(cluster: "", stack: stack, nodes: [])
        let (etcd, postgres, patroni, stolon) = (defaults.etcd, defaults.postgres, defaults.patroni, defaults.stolon)
        let (haproxy, users, paths) = (defaults.haproxy, defaults.users, defaults.paths)
        let (secrets, packaging) = (defaults.secrets, defaults.packaging)

        var text = """
            # smfkit cluster definition. Check it with `smfkit check FILE`, then
            # `smfkit generate FILE --out DIR`. Commented keys show their defaults;
            # docs/cluster-definition.md describes every key.

            cluster: my-ha-cluster            # names the cluster (patroni's scope)
            stack: \(stack.rawValue)                    # patroni | stolon | etcd (the etcd cluster alone) | replication

            # One zone (or host) per node; every node runs one of each daemon. The
            # name is the SMF instance name of each service on that node.
            nodes:

            """
        for (index, address) in ["192.168.0.231", "192.168.0.232", "192.168.0.233"].enumerated() {
            text += "  - name: node\(index + 1)\n    address: \(address)\n"
            if stack == .stolon { text += "    keeper_id: postgres\(index)       # stolon keeper --uid\n" }
        }
        text += """

            # As it is, deploy.sh makes every zone on the one host it runs on (a
            # test setup). For production, list the machines under `hosts` (each
            # a name, and the ssh destination deploy-hosts.sh reaches it at) and
            # give each node `host: <name>`: generate then writes a deploy script
            # per host (docs/cluster-definition.md, "hosts").

            """
        if stack.runsEtcd {
            text += """

                etcd:
                  token: \(etcd.token)
                  client_port: \(etcd.clientPort)
                  peer_port: \(etcd.peerPort)

                """
        }
        if stack.runsPostgres {
            text += """

                postgres:
                  version: \(postgres.version)                     # major version; picks the default postgres_bin
                  # port: \(postgres.port)

                """
        }
        switch stack {
        case .patroni:
            text += """
                  # superuser: \(postgres.superuser)
                  # replication_user: \(postgres.replicationUser)
                  # rewind_user: \(postgres.rewindUser)

                patroni:
                  # rest_port: \(patroni.restPort)
                  # ttl: \(patroni.ttl)                      # DCS timings: loop_wait + 2 * retry_timeout <= ttl
                  # loop_wait: \(patroni.loopWait)
                  # retry_timeout: \(patroni.retryTimeout)
                  # namespace: \(patroni.namespace)

                haproxy:
                  port: \(haproxy.port)                      # clients reach the primary here
                  replica_port: \(haproxy.replicaPort)              # and the replicas, round robin, here
                  stats_port: \(haproxy.statsPort)
                  # (bind_address, the listeners' address, defaults to each node's own)
                  # check_interval: \(defaults.text(at: "haproxy.check_interval"))               # seconds between health checks
                  # fall: \(defaults.text(at: "haproxy.fall"))
                  # rise: \(defaults.text(at: "haproxy.rise"))

                """
        case .stolon:
            text += """
                  superuser: \(users.postgres.name)                 # stolon's default: the keeper's own user
                  replication_user: repluser

                stolon:
                  cluster_name: \(stolon.clusterName)
                  proxy_port: \(stolon.proxyPort)

                """
        case .replication:
            let synchronous = defaults.text(at: "replication.synchronous")
            text += """
                  # superuser: \(postgres.superuser)
                  # replication_user: \(postgres.replicationUser)

                # Plain streaming replication: nothing elects a primary. The node named
                # here initialises the database; every other node clones it with
                # pg_basebackup and runs as its hot standby. To fail over, name another
                # node and follow docs/cluster-definition.md, "Streaming replication".
                replication:
                  primary: node1
                  # synchronous: \(synchronous)            # true: a commit waits until a standby has it
                  # wal_keep_size: \(defaults.text(at: "replication.wal_keep_size"))

                """
        case .etcd:
            break
        }
        text += """

            # The accounts the daemons run as; group defaults to the name, gid to the uid.
            users:

            """
        if stack.runsEtcd {
            text += """
                  etcd:
                    name: \(users.etcd.name)
                    uid: \(users.etcd.uid)

                """
        }
        if stack.runsPostgres {
            text += """
                  postgres:
                    name: \(users.postgres.name)
                    uid: \(users.postgres.uid)

                """
        }
        // Only the keys this stack reads (cluster.stack.ignored warns of the others).
        if stack == .patroni {
            text += """
                  # haproxy:
                  #   name: \(users.haproxy.name)
                  #   uid: \(users.haproxy.uid)

                """
        }
        let binaries = switch stack {
        case .patroni: "#   patroni: \(paths.patroni)\n#   patronictl: \(paths.patronictl)\n#   haproxy: \(paths.haproxy)\n"
        case .stolon: "#   stolon_bin: \(paths.stolonBin)\n"
        case .etcd, .replication: ""
        }
        let postgresBinary = stack.runsPostgres ? "#   postgres_bin: /opt/tribblix/postgres\(postgres.version)/bin\n" : ""
        let secretFiles = !stack.runsPostgres ? "" : """

            # Files on each node holding the passwords (mode 0600, created by the
            # deploy script when absent). Never the passwords themselves.
            # secrets:
            #   superuser_password: \(secrets.superuserPassword)
            #   replication_password: \(secrets.replicationPassword)

            """ + (stack == .patroni ? "#   rewind_password: \(secrets.rewindPassword)\n" : "")
        text += """

            # Where the binaries are (Tribblix's packages by default) and where a node
            # keeps data, configuration and method scripts. Absolute paths inside each
            # node's zone.
            # paths:

            """ + (stack.runsEtcd ? "#   etcd: \(paths.etcd)\n#   etcdctl: \(paths.etcdctl)\n" : "") + postgresBinary + binaries + """
            #   data: \(paths.data)
            #   config: \(paths.config)
            #   methods: \(paths.methods)

            """ + secretFiles + """

            # Every connection over TLS, every client proving who it is with a
            # certificate of the cluster's CA (docs/tls.md). deploy.sh runs the
            # generated tls/certificates.sh, which makes the CA and the keys with
            # openssl on the deploying host, in ca_dir. `enabled: false` is for a lab.
            tls:
              enabled: true
              key_type: \(defaults.text(at: "tls.key_type"))          # or rsa-3072
              validity_days: \(defaults.text(at: "tls.validity_days"))
              renew_days: \(defaults.text(at: "tls.renew_days"))            # re-issued when this close to expiry
              extra_sans: []            # more addresses or DNS names for every node certificate
              # (ca_dir, where the CA lives on the deploying host, defaults to
              # /var/opt/smfkit/<cluster>/ca)

            packaging:
              package: \(packaging.package)           # SVR4 package name
              overlay: \(packaging.overlay)                    # Tribblix overlay id
              version: "\(packaging.version)"

            """
        return text
    }
}
