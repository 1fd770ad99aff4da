import { Checkbox, Form, Modal, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import type { Indicator } from '../../../../shared/domain/framework';
import { t } from '../../../../shared/messages';
import type { FrameworkTree, TreeRow } from './model';

/** The top level, as a choice of the target select. */
const ROOT = 0;

interface TargetNode {
  value: number;
  title: string;
  disabled?: boolean;
  children?: TargetNode[];
}

interface Props {
  indicator: Indicator | null;
  tree: FrameworkTree;
  saving: boolean;
  onCancel: () => void;
  onMove: (target: { parentId: number | null; renumber: boolean }) => void;
}

/** Moves an indicator under another parent (keyboard-friendly alternative to dragging). */
export function MoveModal({ indicator, tree, saving, onCancel, onMove }: Props) {
  const [form] = Form.useForm<{ target: number | undefined; renumber: boolean }>();

  useEffect(() => {
    if (indicator) form.setFieldsValue({ target: undefined, renumber: true });
  }, [indicator, form]);

  const treeData = useMemo<TargetNode[]>(() => {
    if (!indicator) return [];
    // Only inner nodes can receive it (a leaf would lose its scoring method); never itself or below itself.
    const toNode = (row: TreeRow): TargetNode | null => {
      if (row.indicator.id === indicator.id || !row.children?.length) return null;
      const children = row.children.map(toNode).filter((n): n is TargetNode => n !== null);
      return {
        value: row.indicator.id,
        title: `${row.indicator.code} ${row.indicator.name}`,
        ...(children.length ? { children } : {}),
      };
    };
    return [
      { value: ROOT, title: t('fw.move.targetRoot') },
      ...tree.roots.map(toNode).filter((n): n is TargetNode => n !== null),
    ];
  }, [indicator, tree]);

  return (
    <Modal
      open={indicator !== null}
      title={indicator ? t('fw.move.title', { name: `${indicator.code} ${indicator.name}` }) : ''}
      okText={t('fw.move.okText')}
      cancelText={t('fw.form.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      forceRender
      width={520}
    >
      <Form
        form={form}
        name="fwMove"
        layout="vertical"
        onFinish={(v) => onMove({ parentId: v.target === ROOT || v.target === undefined ? null : v.target, renumber: v.renumber })}
      >
        <Form.Item
          name="target"
          label={t('fw.move.target')}
          rules={[{ required: true, message: t('fw.move.targetRequired') }]}
          extra={t('fw.move.help')}
        >
          <TreeSelect treeData={treeData} treeDefaultExpandAll showSearch treeNodeFilterProp="title" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="renumber" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox>
            <Typography.Text>{t('fw.move.renumber')}</Typography.Text>
          </Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
