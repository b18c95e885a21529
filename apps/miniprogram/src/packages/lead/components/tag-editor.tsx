import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { MAX_LEAD_TAGS, setLeadTagsRequestSchema, tagNameSchema, type LeadTag, type LeadTagRef, type SetLeadTagsRequest } from '@fenji/shared';
import { Field, FieldError } from '../../../components/field';
import { useForm } from '../../../hooks/use-form';
import { getTagOptions, setLeadTags } from '../../../services/tag.service';

/** 标签: pick HQ's tags and my own, or type a new one; saved as the lead's whole list. */
export function TagEditor({ leadId, initial, onSaved }: { leadId: string; initial: string[]; onSaved: (tags: LeadTagRef[]) => void }) {
  const [options, setOptions] = useState<LeadTag[]>([]);
  const [chosen, setChosen] = useState<string[]>(initial);
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState('');
  const form = useForm<SetLeadTagsRequest, 'tags'>(setLeadTagsRequestSchema);

  useEffect(() => {
    getTagOptions().then(setOptions, () => undefined);
  }, []);

  const toggle = (tag: string) => setChosen((prev) => (prev.includes(tag) ? prev.filter((t) => t !== tag) : [...prev, tag]));

  const addDraft = () => {
    const parsed = tagNameSchema.safeParse(draft);
    if (!parsed.success) {
      setDraftError(parsed.error.issues[0].message);
      return;
    }
    setDraftError('');
    setDraft('');
    if (!chosen.includes(parsed.data)) setChosen((prev) => [...prev, parsed.data]);
  };

  const hqNames = new Set(options.filter((t) => t.hq).map((t) => t.name));
  const all = [...new Set([...options.map((t) => t.name), ...chosen])];

  return (
    <View className='tag-editor'>
      <Text className='muted'>已选 {chosen.length}/{MAX_LEAD_TAGS}</Text>
      <View className='chips tag-editor__options'>
        {all.map((tag) => (
          <Text key={tag} className={`chip tag-option${chosen.includes(tag) ? ' chip--active' : ''}`} onClick={() => toggle(tag)}>
            {hqNames.has(tag) ? `${tag}·总部` : tag}
          </Text>
        ))}
      </View>
      <Field error={draftError}>
        <View className='tag-editor__add'>
          <Input className='field__input tag-editor__input' placeholder='新标签（最多 12 字）' maxlength={12} value={draft} onInput={(e) => setDraft(e.detail.value)} onConfirm={addDraft} />
          <Button className='btn-plain tag-editor__add-btn' size='mini' onClick={addDraft}>
            添加
          </Button>
        </View>
      </Field>
      <FieldError message={form.errors.tags ?? form.formError} />
      <Button
        className='btn-primary'
        loading={form.busy}
        disabled={form.busy}
        onClick={() => void form.submit({ tags: chosen }, async (body) => onSaved(await setLeadTags(leadId, body.tags)))}
      >
        保存标签
      </Button>
    </View>
  );
}
