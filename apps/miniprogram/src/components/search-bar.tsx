import type { ReactNode } from 'react';
import { Button, Input, View } from '@tarojs/components';

interface SearchBarProps {
  /** The page's CSS block: classes are `${block}__search`, `${block}__search-input`, `${block}__search-btn`. */
  block: string;
  value: string;
  onChange: (value: string) => void;
  onSearch: () => void;
  /** More buttons after 搜索. */
  children?: ReactNode;
}

/** The name/phone search box of the lead lists. */
export function SearchBar({ block, value, onChange, onSearch, children }: SearchBarProps) {
  return (
    <View className={`${block}__search`}>
      <Input
        className={`${block}__search-input`}
        placeholder='搜索姓名或手机号'
        confirmType='search'
        maxlength={40}
        value={value}
        onInput={(e) => onChange(e.detail.value)}
        onConfirm={onSearch}
      />
      <Button className={`${block}__search-btn`} size='mini' onClick={onSearch}>
        搜索
      </Button>
      {children}
    </View>
  );
}
