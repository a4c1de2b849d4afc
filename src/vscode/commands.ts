// Every command id the extension registers, once. package.json `contributes.commands` lists the
// same ids (a unit test checks both ways).

export const enum Command {
  /** (uri, line) open or update the tutor panel on the formula at that line */
  Explain = 'attentionTutor.explain',
  /** (uri, line) evaluate the formula at that line and show its result in the panel */
  Evaluate = 'attentionTutor.evaluate',
  /** derive the editor's selection (a sub-expression or several lines) with the traced values */
  ExplainSelection = 'attentionTutor.explainSelection',
  /** open the tutor panel on the formula under the cursor */
  OpenPanel = 'attentionTutor.openPanel',
  /** (code) explain a diagnostic code in the panel: the link of a diagnostic's code */
  ExplainDiagnostic = 'attentionTutor.explainDiagnostic',
  /** (relative path) open one of the bundled examples (walkthrough) */
  OpenExample = 'attentionTutor.openExample',
  /** turn the shape inlay hints on or off */
  ToggleInlayHints = 'attentionTutor.toggleInlayHints',
  /** choose the tutor's language (auto / English / French): sets attentionTutor.language */
  ChooseLanguage = 'attentionTutor.chooseLanguage',
}

export const ALL_COMMANDS: readonly Command[] = [
  Command.Explain,
  Command.Evaluate,
  Command.ExplainSelection,
  Command.OpenPanel,
  Command.ExplainDiagnostic,
  Command.OpenExample,
  Command.ToggleInlayHints,
  Command.ChooseLanguage,
];

/** Commands that take arguments from a CodeLens or a link: hidden from the command palette. */
export const INTERNAL_COMMANDS: readonly Command[] = [Command.Explain, Command.Evaluate, Command.ExplainDiagnostic, Command.OpenExample];
