// Package knowledge holds what deferlint knows about Go APIs, in one place:
//
//   - one way to name a function: FuncName prints it as x/tools' typeutil and
//     staticcheck do, "(*net/http.Client).Do", "os.Open"; ShortFuncName prints the
//     same with package names, for messages; Receiver gives a method's receiver type;
//   - one way to match functions by name: Funcs, a set parsed from the names users
//     write in options (importpath.Func, importpath.Type.Method or
//     (*importpath.Type).Method) and from the tables below; a name matches however
//     its receiver is written;
//   - IsFunc, IsMethod and IsType, which ask whether an object or type is a given
//     one of a given package;
//   - one answer to "is this the standard library": IsStdPath for an import path,
//     IsStd for a package;
//   - the hand-collected tables, each once: the functions that never return
//     (NeverReturns, Exits, StopsTest, CrashNames) and the goroutine launchers
//     (IsLauncher), the release methods whose receiver holds nothing of its own
//     (HoldsNothing: a multipart.Part's Close) and the methods that release the
//     value they returned last before returning the next (ClosesPrevious:
//     multipart.Reader's NextPart).
package knowledge
