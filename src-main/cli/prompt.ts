import { createInterface } from 'node:readline';

/**
 * Answers to prompts: typed at a terminal (passwords without echo), or read line by line
 * from a pipe so that scripts can feed them.
 */
export interface Prompter {
  ask(question: string): Promise<string | null>;
  askSecret(question: string): Promise<string | null>;
  close(): void;
}

export function createPrompter(input: NodeJS.ReadStream, output: NodeJS.WriteStream): Prompter {
  if (!input.isTTY) {
    const lines = createInterface({ input, terminal: false })[Symbol.asyncIterator]();
    const next = async () => {
      const line = await lines.next();
      return line.done ? null : line.value;
    };
    return { ask: next, askSecret: next, close: () => input.pause() };
  }

  const ask = (question: string) =>
    new Promise<string | null>((resolve) => {
      const rl = createInterface({ input, output, terminal: true });
      rl.question(question, (answer) => {
        rl.close();
        resolve(answer);
      });
    });

  const askSecret = (question: string) =>
    new Promise<string | null>((resolve) => {
      output.write(question);
      let typed = '';
      input.setRawMode(true);
      input.resume();
      input.setEncoding('utf8');
      const onData = (chunk: string) => {
        for (const char of chunk) {
          if (char === '\r' || char === '\n') return finish(typed);
          if (char === '\u0003') return finish(null); // Ctrl+C
          if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
          else typed += char;
        }
      };
      const finish = (value: string | null) => {
        input.off('data', onData);
        input.setRawMode(false);
        input.pause();
        output.write('\n');
        resolve(value);
      };
      input.on('data', onData);
    });

  return { ask, askSecret, close: () => input.pause() };
}
