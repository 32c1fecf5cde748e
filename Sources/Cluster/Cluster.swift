// The Cluster module.
