import type { ReactNode } from 'react';

/** NutUI Dialog: title, content and the two buttons while visible. */
export default function Dialog(props: {
  visible?: boolean;
  title?: ReactNode;
  content?: ReactNode;
  confirmText?: ReactNode;
  cancelText?: ReactNode;
  onConfirm?: () => void;
  onCancel?: () => void;
  onClose?: () => void;
}) {
  if (!props.visible) return null;
  return (
    <div className='nut-dialog' role='alertdialog'>
      <div className='nut-dialog-title'>{props.title}</div>
      <div className='nut-dialog-content'>{props.content}</div>
      <button className='nut-dialog-cancel' onClick={() => (props.onCancel?.(), props.onClose?.())}>
        {props.cancelText ?? '取消'}
      </button>
      <button className='nut-dialog-confirm' onClick={() => (props.onConfirm?.(), props.onClose?.())}>
        {props.confirmText ?? '确定'}
      </button>
    </div>
  );
}
