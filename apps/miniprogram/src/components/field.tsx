import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

export function FieldError({ message }: { message?: string }) {
  return message ? <Text className='field__error'>{message}</Text> : null;
}

/** A labelled form field with its error under it. */
export function Field({ label, error, children, className }: { label?: string; error?: string; children: ReactNode; className?: string }) {
  return (
    <View className={`field${className ? ` ${className}` : ''}`}>
      {label ? <Text className='field__label'>{label}</Text> : null}
      {children}
      <FieldError message={error} />
    </View>
  );
}
