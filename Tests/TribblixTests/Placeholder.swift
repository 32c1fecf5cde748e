// Keeps the TribblixTests target buildable until its first real test lands.
