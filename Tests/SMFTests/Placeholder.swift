// Keeps the SMFTests target buildable until its first real test lands.
