import { type ReactElement, useCallback, useRef, useState } from 'react';
import { Confirm } from 'react-admin';

interface Question {
  title: string;
  content: string;
  translateOptions?: Record<string, unknown>;
}

/**
 * A <Confirm> that a form's submit handler can await: `if (!(await ask(...))) return;`. Submitting a
 * decision into a workflow always asks first; the form keeps its values when the answer is no.
 */
export function useConfirmation(): [(question: Question) => Promise<boolean>, ReactElement] {
  const [question, setQuestion] = useState<Question | null>(null);
  const answer = useRef<(yes: boolean) => void>(() => undefined);
  const ask = useCallback(
    (q: Question) =>
      new Promise<boolean>((resolve) => {
        answer.current = resolve;
        setQuestion(q);
      }),
    [],
  );
  const settle = (yes: boolean) => {
    setQuestion(null);
    answer.current(yes);
  };
  const dialog = (
    <Confirm
      isOpen={question !== null}
      title={question?.title ?? ''}
      content={question?.content ?? ''}
      translateOptions={question?.translateOptions}
      onConfirm={() => settle(true)}
      onClose={() => settle(false)}
    />
  );
  return [ask, dialog];
}
