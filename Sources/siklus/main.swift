// The `siklus` executable: parse flags, then run a script or the interactive shell (SiklusCommand).
SiklusCommand.main()
