import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Divider, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import type { CaptureProfile } from '../../../src-shared/capture/capture-profile';
import { useTranslation } from 'react-i18next';
import { AGENCY_ID_PATTERN } from '../../../src-shared/domain/agency';
import { parseCodeTemplate } from '../../../src-shared/domain/record-code';
import { dossierCodeRegExp } from '../../../src-shared/domain/dossier-code';
import { centralUrlProblem } from '../../../src-shared/central/central-tls';
import { ABSOLUTE_PATH_PATTERN, type StationSettings } from '../../../src-shared/domain/settings';
import { useStationSettings } from '../../settings/station-settings-context';
import { station } from '../../station/station';
import { useErrorText } from '../../ui/use-error-text';

/** The station's settings; admins edit, everyone else reads. Main validates what is saved. */
export function StationSettingsForm({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { settings, save: saveSettings } = useStationSettings();
  const [busy, setBusy] = useState(false);
  const [profiles, setProfiles] = useState<CaptureProfile[]>([]);
  useEffect(() => {
    station.profiles.list({}).then(setProfiles, () => setProfiles([]));
  }, []);
  if (!settings) return null;

  const save = async (values: StationSettings) => {
    setBusy(true);
    try {
      await saveSettings(values);
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('settings.station')} extra={editable ? null : t('settings.adminOnly')}>
      <Form<StationSettings>
        layout="vertical"
        initialValues={settings}
        onFinish={save}
        disabled={!editable || busy}
        data-testid="settings-form"
        style={{ maxWidth: 720 }}
      >
        <Space size="large" align="start" wrap>
          <Form.Item
            name="stationNumber"
            label={t('settings.stationNumber')}
            extra={t('settings.stationNumberHelp')}
            rules={[{ required: true, pattern: /^\d{3}$/, message: t('settings.invalidStationNumber') }]}
          >
            <Input style={{ width: 120 }} maxLength={3} data-testid="settings-station-number" />
          </Form.Item>
          <Form.Item name="stationName" label={t('settings.stationName')}>
            <Input style={{ width: 320 }} maxLength={120} />
          </Form.Item>
        </Space>
        <Space size="large" align="start" wrap>
          <Form.Item
            name="agencyId"
            label={t('settings.agencyId')}
            extra={t('settings.agencyIdHelp')}
            normalize={(value: string) => value.toUpperCase()}
            rules={[{ pattern: AGENCY_ID_PATTERN, message: t('settings.invalidAgencyId') }]}
          >
            <Input style={{ width: 200 }} placeholder="000.00.12.H20" data-testid="settings-agency-id" />
          </Form.Item>
          <Form.Item name="agencyName" label={t('settings.agencyName')}>
            <Input style={{ width: 420 }} maxLength={200} />
          </Form.Item>
        </Space>
        <Form.Item
          name="centralUrl"
          label={t('settings.centralUrl')}
          extra={t('settings.centralUrlHelp')}
          rules={[
            { pattern: /^(https?:\/\/\S+)?$/, message: t('settings.invalidUrl') },
            {
              validator: async (_rule, value: string) => {
                if (value && centralUrlProblem(value) === 'notHttps')
                  throw new Error(t('errors.sync.insecureUrl'));
              },
            },
          ]}
        >
          <Input placeholder="https://sohoa.example.gov.vn" />
        </Form.Item>
        <Divider titlePlacement="start">{t('settings.departments')}</Divider>
        <Form.List name="departments">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item
                    name={[field.name, 'code']}
                    rules={[
                      {
                        required: true,
                        pattern: /^[A-Z0-9]{1,12}$/,
                        message: t('settings.invalidDepartmentCode'),
                      },
                    ]}
                    normalize={(value: string) => value.toUpperCase()}
                  >
                    <Input placeholder={t('settings.departmentCode')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true }]}>
                    <Input placeholder={t('settings.departmentName')} style={{ width: 420 }} />
                  </Form.Item>
                  {editable && fields.length > 1 ? (
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  ) : null}
                </Space>
              ))}
              {editable ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: '', name: '' })}>
                  {t('settings.addDepartment')}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start">{t('settings.security')}</Divider>
        <Space size="large" wrap>
          <Form.Item name={['security', 'maxFailedLogins']} label={t('settings.maxFailedLogins')}>
            <InputNumber min={3} max={20} />
          </Form.Item>
          <Form.Item name={['security', 'lockoutMinutes']} label={t('settings.lockoutMinutes')}>
            <InputNumber min={1} max={1440} />
          </Form.Item>
          <Form.Item name={['security', 'idleTimeoutMinutes']} label={t('settings.idleTimeoutMinutes')}>
            <InputNumber min={1} max={480} />
          </Form.Item>
        </Space>
        <Divider titlePlacement="start">{t('settings.review')}</Divider>
        <Space size="large" wrap>
          <Form.Item
            name={['review', 'fourEyes']}
            label={t('settings.fourEyes')}
            valuePropName="checked"
            extra={t('settings.fourEyesHint')}
          >
            <Switch data-testid="settings-four-eyes" />
          </Form.Item>
          <Form.Item name={['review', 'lowOcrConfidence']} label={t('settings.lowOcrConfidence')}>
            <InputNumber min={0} max={100} addonAfter="%" />
          </Form.Item>
        </Space>
        <Divider titlePlacement="start">{t('settings.capture')}</Divider>
        <Space size="large" align="start" wrap>
          <Form.Item
            name={['capture', 'minDpi']}
            label={t('settings.minDpi')}
            extra={t('settings.minDpiHelp')}
          >
            <InputNumber min={72} max={1200} step={50} data-testid="settings-min-dpi" />
          </Form.Item>
          <Form.Item
            name={['capture', 'blankInkRatio']}
            label={t('settings.blankInkPercent')}
            extra={t('settings.blankInkPercentHelp')}
            // Stored as a fraction of the page; shown as a percentage.
            getValueProps={(value: number) => ({ value: Math.round(value * 100 * 10_000) / 10_000 })}
            normalize={(value: number | null) => (value ?? 0) / 100}
          >
            <InputNumber min={0} max={20} step={0.01} addonAfter="%" />
          </Form.Item>
          <Form.Item
            name={['capture', 'inkLevel']}
            label={t('settings.inkLevel')}
            extra={t('settings.inkLevelHelp')}
          >
            <InputNumber min={1} max={254} />
          </Form.Item>
          <Form.Item name={['capture', 'jpegQuality']} label={t('settings.jpegQuality')}>
            <InputNumber min={50} max={100} />
          </Form.Item>
        </Space>
        <Space size="large" align="start" wrap>
          <Form.Item name={['capture', 'maxImportMegabytes']} label={t('settings.maxImportMegabytes')}>
            <InputNumber min={1} max={2000} addonAfter="MB" />
          </Form.Item>
          <Form.Item name={['capture', 'maxImportPages']} label={t('settings.maxImportPages')}>
            <InputNumber min={1} max={5000} />
          </Form.Item>
          <Form.Item
            name={['capture', 'maxMegapixels']}
            label={t('settings.maxMegapixels')}
            extra={t('settings.maxMegapixelsHelp')}
          >
            <InputNumber min={10} max={1000} addonAfter="MP" />
          </Form.Item>
          <Form.Item
            name={['capture', 'pdfRenderMemoryPercent']}
            label={t('settings.pdfRenderMemoryPercent')}
            extra={t('settings.pdfRenderMemoryPercentHelp')}
          >
            <InputNumber min={5} max={75} addonAfter="%" />
          </Form.Item>
          <Form.Item name={['capture', 'pdfRenderSeconds']} label={t('settings.pdfRenderSeconds')}>
            <InputNumber min={10} max={1800} addonAfter="s" />
          </Form.Item>
          <Form.Item
            name={['capture', 'scannerStallSeconds']}
            label={t('settings.scannerStallSeconds')}
            extra={t('settings.scannerStallSecondsHelp')}
            style={{ maxWidth: 420 }}
          >
            <InputNumber min={30} max={1800} addonAfter="s" data-testid="settings-scanner-stall" />
          </Form.Item>
        </Space>
        <Space size="large" align="start" wrap>
          <Form.Item
            name={['capture', 'hotFolder']}
            label={t('settings.hotFolder')}
            extra={t('settings.hotFolderHelp')}
            rules={[{ pattern: ABSOLUTE_PATH_PATTERN, message: t('settings.invalidFolder') }]}
          >
            <Input style={{ width: 420 }} placeholder="D:\\ScanFolder" data-testid="settings-hot-folder" />
          </Form.Item>
          <Form.Item
            name={['capture', 'hotFolderStableMs']}
            label={t('settings.hotFolderStable')}
            getValueProps={(value: number) => ({ value: value / 1000 })}
            normalize={(value: number | null) => Math.round((value ?? 2) * 1000)}
          >
            <InputNumber min={0.2} max={60} step={0.5} addonAfter="s" />
          </Form.Item>
          <Form.Item
            name={['capture', 'hotFolderProfileId']}
            label={t('settings.hotFolderProfile')}
            extra={t('settings.hotFolderProfileHelp')}
          >
            <Select
              style={{ width: 300 }}
              data-testid="settings-hot-folder-profile"
              options={[
                { value: '', label: t('settings.noProfile') },
                ...profiles.map((profile) => ({ value: profile.id, label: profile.name })),
              ]}
            />
          </Form.Item>
        </Space>
        <Space size="large" align="start" wrap>
          <Form.Item
            name={['capture', 'readCodes']}
            label={t('settings.readCodes')}
            extra={t('settings.readCodesHelp')}
            valuePropName="checked"
          >
            <Switch data-testid="settings-read-codes" />
          </Form.Item>
          <Form.Item
            name={['capture', 'keepSheetPages']}
            label={t('settings.keepSheetPages')}
            extra={t('settings.keepSheetPagesHelp')}
            valuePropName="checked"
          >
            <Switch data-testid="settings-keep-sheets" />
          </Form.Item>
        </Space>
        <Divider titlePlacement="start">{t('settings.indexing')}</Divider>
        <Space size="large" align="start" wrap>
          <Form.Item
            name="codeTemplate"
            label={t('settings.codeTemplate')}
            extra={t('settings.codeTemplateHelp')}
            rules={[
              {
                validator: async (_rule, value: string) => {
                  const [problem] = parseCodeTemplate(value ?? '').problems;
                  if (problem) throw new Error(t(`settings.codeTemplateProblems.${problem}`));
                },
              },
            ]}
          >
            <Input style={{ width: 420 }} data-testid="settings-code-template" />
          </Form.Item>
          <Form.Item
            name="dossierCodePattern"
            label={t('settings.dossierCodePattern')}
            extra={t('settings.dossierCodePatternHelp')}
            rules={[
              {
                validator: async (_rule, value: string) => {
                  if (!value || dossierCodeRegExp(value) === null)
                    throw new Error(t('settings.invalidDossierCodePattern'));
                },
              },
            ]}
          >
            <Input style={{ width: 420 }} data-testid="settings-dossier-code-pattern" />
          </Form.Item>
          <Form.Item
            name={['ocr', 'workers']}
            label={t('settings.ocrWorkers')}
            extra={t('settings.ocrWorkersHelp')}
          >
            <InputNumber min={0} max={16} />
          </Form.Item>
          <Form.Item
            name={['ocr', 'engine']}
            label={t('settings.ocrEngine')}
            extra={t('settings.ocrEngineHelp')}
          >
            <Select
              style={{ width: 260 }}
              options={(['auto', 'native', 'wasm'] as const).map((value) => ({
                value,
                label: t(`settings.ocrEngines.${value}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name={['ocr', 'cleanUpPdf']}
            label={t('settings.cleanUpPdf')}
            extra={t('settings.cleanUpPdfHelp')}
            valuePropName="checked"
            style={{ maxWidth: 720 }}
          >
            <Switch data-testid="settings-clean-up-pdf" />
          </Form.Item>
        </Space>
        <Form.Item name="cameraEnabled" label={t('settings.cameraEnabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {editable ? (
          <Button type="primary" htmlType="submit" loading={busy} data-testid="settings-save">
            {t('common.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}
