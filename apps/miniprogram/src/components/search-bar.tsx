import type { ReactNode } from 'react';
import { Button, Input, View } from '@tarojs/components';

interface SearchBarProps {
  value: string;
  onChange: (value: string) => void;
  onSearch: () => void;
  placeholder?: string;
  /** More buttons after 搜索. */
  children?: ReactNode;
}

/** The name/phone search box of the lead lists. */
export function SearchBar({ value, onChange, onSearch, placeholder = '搜索姓名或手机号', children }: SearchBarProps) {
  return (
    <View className='search-bar'>
      <Input
        className='search-bar__input'
        placeholder={placeholder}
        confirmType='search'
        maxlength={40}
        value={value}
        onInput={(e) => onChange(e.detail.value)}
        onConfirm={onSearch}
      />
      <Button className='search-bar__btn' size='mini' onClick={onSearch}>
        搜索
      </Button>
      {children}
    </View>
  );
}
