// Spreadsheet reading and report writing for ThiDua.Rules; kept out of the core so HR systems that embed the engine
// do not inherit spreadsheet packages.
[assembly: System.CLSCompliant(false)]
