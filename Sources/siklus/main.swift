import SiklusShell

print("siklus \(siklusVersion)")
