import Output

extension OutputWriter {
    /// The write stage: a verified generation, switched into the directory.
    public func write(_ cluster: VerifiedCluster) throws(WriteError) -> Report {
        try write(cluster.files)
    }
}
