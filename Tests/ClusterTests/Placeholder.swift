// Keeps the ClusterTests target buildable until its first real test lands.
