// Keeps the SmfkitTests target buildable until its first real test lands.
