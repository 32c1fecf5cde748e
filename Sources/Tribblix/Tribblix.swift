// The Tribblix module.
