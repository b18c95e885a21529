import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Dialog } from './ui/dialog';

interface Ask {
  title: string;
  content: ReactNode;
  confirmText?: string;
}

/**
 * Risky actions ask first: `const { confirm, dialog } = useConfirm()`, render `{dialog}`, then
 * `if (await confirm({ title, content })) …`. A NutUI Dialog, so it looks the same in WeChat and the browser.
 */
export function useConfirm(): { confirm: (ask: Ask) => Promise<boolean>; dialog: ReactNode } {
  const [ask, setAsk] = useState<Ask | null>(null);
  const answer = useRef<((yes: boolean) => void) | null>(null);

  const confirm = useCallback(
    (next: Ask) =>
      new Promise<boolean>((resolve) => {
        answer.current?.(false);
        answer.current = resolve;
        setAsk(next);
      }),
    [],
  );

  const close = (yes: boolean) => {
    answer.current?.(yes);
    answer.current = null;
    setAsk(null);
  };

  const dialog = (
    <Dialog
      visible={ask !== null}
      title={ask?.title ?? ''}
      content={ask?.content ?? ''}
      confirmText={ask?.confirmText ?? '确定'}
      cancelText='取消'
      onConfirm={() => close(true)}
      onCancel={() => close(false)}
      onClose={() => (answer.current ? close(false) : undefined)}
    />
  );
  return { confirm, dialog };
}
