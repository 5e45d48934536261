import { ReloadOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ColorMode, ScanSource } from '../../../src-shared/capture/scan-options';
import type { useScanDevices } from './use-scan-devices';

/** Device, paper source, resolution and colour mode; disabled while a scan runs. */
/** The built-in simulators, each named in the user's language (`scan.demoDevices.<name>`). */
const DEMO_NAMES = ['standard', 'jam', 'archive'] as const;

export function ScanSettingsForm(props: { scanner: ReturnType<typeof useScanDevices>; disabled: boolean }) {
  const { t } = useTranslation();
  const { devices, capabilities, choice, setChoice, reload } = props.scanner;
  return (
    <Form layout="inline" disabled={props.disabled}>
      <Form.Item label={t('scan.device')}>
        <Select
          style={{ minWidth: 280 }}
          data-testid="scan-device"
          loading={devices === null}
          value={choice.deviceId}
          notFoundContent={t('scan.noDevices')}
          options={(devices ?? []).map((device) => ({
            value: device.id,
            // The built-in simulators are named in the user's language; real devices as they say.
            label: `${device.vendor} ${
              device.kind === 'demo'
                ? t(
                    `scan.demoDevices.${DEMO_NAMES.find((name) => device.id === `demo:${name}`) ?? 'standard'}`,
                  )
                : device.model
            } (${device.id})`,
          }))}
          onChange={(deviceId) => setChoice({ ...choice, deviceId })}
        />
      </Form.Item>
      <Button icon={<ReloadOutlined />} onClick={() => void reload()} title={t('scan.refresh')} />
      <Form.Item label={t('scan.source')}>
        <Select<ScanSource>
          style={{ minWidth: 180 }}
          data-testid="scan-source"
          value={choice.source}
          options={(capabilities?.sources ?? [choice.source]).map((value) => ({
            value,
            label: t(`scan.sources.${value}`),
          }))}
          onChange={(source) => setChoice({ ...choice, source })}
        />
      </Form.Item>
      <Form.Item label={t('scan.dpi')}>
        <InputNumber
          min={75}
          max={1200}
          step={50}
          data-testid="scan-dpi"
          value={choice.dpi}
          onChange={(dpi) => dpi && setChoice({ ...choice, dpi })}
        />
      </Form.Item>
      <Form.Item label={t('scan.mode')}>
        <Select<ColorMode>
          style={{ minWidth: 120 }}
          data-testid="scan-mode"
          value={choice.mode}
          options={(capabilities?.modes ?? [choice.mode]).map((value) => ({
            value,
            label: t(`scan.modes.${value}`),
          }))}
          onChange={(mode) => setChoice({ ...choice, mode })}
        />
      </Form.Item>
    </Form>
  );
}
