import { useState } from 'react';
import { App, Button, Flex, Image, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { UPLOAD_IMAGE_TYPES, UPLOAD_MAX_BYTES, type UploadResponse } from '@fenji/shared';
import { useApi } from '../../../../api/api-context';
import { errorMessage } from '../../../../api/api-error';
import { uploadImage } from '../../service';

interface ImageUploadProps {
  value?: UploadResponse | null;
  onChange?: (value: UploadResponse | null) => void;
  label: string;
}

/** Checks type and size before sending, so a wrong file is refused at once with a reason. */
export function checkImage(file: File): string | null {
  if (!(UPLOAD_IMAGE_TYPES as readonly string[]).includes(file.type)) return '只能上传 JPG、PNG、WebP、GIF 或 AVIF 图片';
  if (file.size > UPLOAD_MAX_BYTES) return `图片不能超过 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`;
  return null;
}

/** An image uploaded through `POST /api/uploads` (multipart): shows it, replaces it, removes it. */
export function ImageUpload({ value, onChange, label }: ImageUploadProps) {
  const api = useApi();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Flex gap={12} align="center">
      {value ? <Image src={value.url} width={96} height={64} style={{ objectFit: 'cover', borderRadius: 6 }} alt="" /> : null}
      <Upload
        accept={UPLOAD_IMAGE_TYPES.join(',')}
        showUploadList={false}
        beforeUpload={(file) => {
          const problem = checkImage(file);
          if (problem) void message.error(problem);
          return problem ? Upload.LIST_IGNORE : true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          setBusy(true);
          uploadImage(api, file as File)
            .then((res) => {
              onChange?.(res);
              onSuccess?.(res);
            })
            .catch((e: unknown) => {
              void message.error(`上传失败：${errorMessage(e)}`);
              onError?.(e as Error);
            })
            .finally(() => setBusy(false));
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} aria-label={label}>
          {value ? '更换图片' : '上传图片'}
        </Button>
      </Upload>
      {value ? (
        <Button icon={<DeleteOutlined />} onClick={() => onChange?.(null)} aria-label={`移除${label}`}>
          移除
        </Button>
      ) : null}
    </Flex>
  );
}
