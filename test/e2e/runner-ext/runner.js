// CI-only extension: code-server's web workbench offers no extensionTestsPath, so this extension
// starts the suites itself. When $ATTENTION_TUTOR_TESTS names a module exporting run() (the
// @vscode/test-electron shape), it runs it inside the real extension host and writes
// {ok, error?} to $ATTENTION_TUTOR_TESTS_DONE. Without those variables it does nothing.
const fs = require('fs');

exports.activate = function activate() {
  const testsPath = process.env.ATTENTION_TUTOR_TESTS;
  const doneFile = process.env.ATTENTION_TUTOR_TESTS_DONE;
  if (!testsPath || !doneFile) return;
  // A second browser window would start a second extension host: run the suites only once.
  try {
    fs.writeFileSync(`${doneFile}.lock`, String(process.pid), { flag: 'wx' });
  } catch {
    return;
  }
  // Let the workbench finish restoring before the suites open editors.
  setTimeout(async () => {
    let result;
    try {
      await require(testsPath).run();
      result = { ok: true };
    } catch (e) {
      result = { ok: false, error: String((e && e.stack) || e) };
    }
    fs.writeFileSync(doneFile, JSON.stringify(result));
  }, 1000);
};

exports.deactivate = function deactivate() {};
