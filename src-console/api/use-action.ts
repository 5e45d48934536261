import { App } from 'antd';
import { useState } from 'react';
import { useProblemText } from './use-problem-text';

/**
 * An administrator's action on Central: `busy` while it runs (the button spins), and a
 * refusal or a lost connection said in a message in the console's language.
 */
export function useAction() {
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      void message.error(problemText(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
