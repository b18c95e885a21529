import { Button, Card, Dropdown, Flex, Form, Input, Space, Typography, type FormInstance } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { BLOCK_LABELS, type ContentBlock, type ContentBlockType, type UploadResponse } from '@fenji/shared';
import { ImageUpload } from './image-upload';

/** The image block's control: Form.Item gives it the url; an upload sets url, width and height together. */
function ImageBlockUpload({ value, size, onPicked }: { value?: string; size: { width: number; height: number }; onPicked: (img: UploadResponse | null) => void }) {
  return <ImageUpload label="图片" value={value ? { url: value, ...size } : null} onChange={onPicked} />;
}

/** A new block of each type, as the editor adds it. */
export const EMPTY_BLOCKS: Record<ContentBlockType, ContentBlock> = {
  text: { type: 'text', text: '' },
  image: { type: 'image', url: '', width: 1, height: 1, alt: '' },
  video: { type: 'video', url: '', title: '' },
  facts: { type: 'facts', items: [{ label: '', value: '' }] },
  cta: { type: 'cta', text: '' },
};

const ADD_ORDER: ContentBlockType[] = ['text', 'image', 'video', 'facts', 'cta'];

interface BlockEditorProps {
  form: FormInstance;
  /** The watched blocks (their types decide each card's fields). */
  blocks: ContentBlock[];
}

/**
 * 正文模块: the page as blocks in order — 文字, 图片 (uploaded), 视频链接, 产品参数, 行动按钮 — each moved with
 * 上移/下移 and removed with 删除, all by keyboard as well.
 */
export function BlockEditor({ form, blocks }: BlockEditorProps) {
  return (
    <Form.List name="blocks">
      {(fields, { add, remove, move }) => (
        <Flex vertical gap={12}>
          {fields.map(({ key, name }, index) => {
            const block = blocks[index];
            if (!block) return null;
            const label = `${index + 1}. ${BLOCK_LABELS[block.type]}`;
            return (
              <Card
                key={key}
                size="small"
                title={label}
                extra={
                  <Space size={4}>
                    <Button size="small" icon={<ArrowUpOutlined />} aria-label={`上移 ${label}`} disabled={index === 0} onClick={() => move(index, index - 1)} />
                    <Button size="small" icon={<ArrowDownOutlined />} aria-label={`下移 ${label}`} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} />
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${label}`} onClick={() => remove(index)} />
                  </Space>
                }
              >
                <Form.Item name={[name, 'type']} hidden>
                  <Input />
                </Form.Item>
                {block.type === 'text' ? (
                  <Form.Item name={[name, 'text']} label="文字内容" extra="纯文本，每行一段。" style={{ marginBottom: 0 }}>
                    <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={5000} />
                  </Form.Item>
                ) : null}
                {block.type === 'image' ? (
                  <>
                    <Form.Item name={[name, 'url']} label="图片">
                      <ImageBlockUpload
                        size={{ width: block.width, height: block.height }}
                        onPicked={(img) =>
                          form.setFieldValue(['blocks', name], img ? { ...block, url: img.url, width: img.width, height: img.height } : { ...block, url: '' })
                        }
                      />
                    </Form.Item>
                    <Form.Item name={[name, 'alt']} label="图片说明" extra="读屏软件会读出它；纯装饰图可留空。" style={{ marginBottom: 0 }}>
                      <Input maxLength={100} />
                    </Form.Item>
                  </>
                ) : null}
                {block.type === 'video' ? (
                  <Flex gap={12}>
                    <Form.Item name={[name, 'title']} label="视频标题" style={{ flex: 1, marginBottom: 0 }}>
                      <Input maxLength={60} />
                    </Form.Item>
                    <Form.Item name={[name, 'url']} label="视频链接" extra="视频号、腾讯视频等页面的 https 链接，客户点击后打开。" style={{ flex: 2, marginBottom: 0 }}>
                      <Input inputMode="url" placeholder="https://" />
                    </Form.Item>
                  </Flex>
                ) : null}
                {block.type === 'facts' ? (
                  <Form.List name={[name, 'items']}>
                    {(rows, rowOps) => (
                      <Flex vertical gap={8}>
                        {rows.map((row, i) => (
                          <Flex key={row.key} gap={8} align="start">
                            <Form.Item name={[row.name, 'label']} style={{ width: 160, marginBottom: 0 }}>
                              <Input placeholder="参数名，如 价格" aria-label={`参数 ${i + 1} 名称`} maxLength={20} />
                            </Form.Item>
                            <Form.Item name={[row.name, 'value']} style={{ flex: 1, marginBottom: 0 }}>
                              <Input placeholder="参数值，如 ¥2,980" aria-label={`参数 ${i + 1} 内容`} maxLength={100} />
                            </Form.Item>
                            <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除参数 ${i + 1}`} disabled={rows.length === 1} onClick={() => rowOps.remove(row.name)} />
                          </Flex>
                        ))}
                        <Button type="dashed" icon={<PlusOutlined />} onClick={() => rowOps.add({ label: '', value: '' })} disabled={rows.length >= 20}>
                          添加参数
                        </Button>
                      </Flex>
                    )}
                  </Form.List>
                ) : null}
                {block.type === 'cta' ? (
                  <Form.Item name={[name, 'text']} label="按钮上方的一句话" extra="点击按钮跳到留资表单；按钮文字在下方“留资表单”中设置。" style={{ marginBottom: 0 }}>
                    <Input maxLength={100} placeholder="例如：留下联系方式，门店顾问为您推荐" />
                  </Form.Item>
                ) : null}
              </Card>
            );
          })}
          {fields.length === 0 ? <Typography.Text type="secondary">还没有模块，从下面添加。</Typography.Text> : null}
          <Dropdown
            menu={{
              items: ADD_ORDER.map((type) => ({ key: type, label: BLOCK_LABELS[type] })),
              onClick: ({ key }) => add(structuredClone(EMPTY_BLOCKS[key as ContentBlockType])),
            }}
          >
            <Button type="dashed" icon={<PlusOutlined />} block disabled={fields.length >= 60}>
              添加模块
            </Button>
          </Dropdown>
        </Flex>
      )}
    </Form.List>
  );
}
