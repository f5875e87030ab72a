/**
 * Step two of adding a service: the account's name (prefilled "WhatsApp", "WhatsApp 2"…) and, for a custom
 * messenger, its address, checked as it is typed.
 */
import { useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultServiceName, parseCustomUrl, PLATFORMS, type CustomUrlError } from '../../../../common/catalog';
import type { PlatformId } from '../../../../common/model';
import { Field } from '../../components/Field';
import { FormFailure, FormFooter } from '../../components/FormEnd';
import { PlatformTile } from '../../components/PlatformTile';
import { useApp, useCommand } from '../../store/context';
import { checkName, MAX_SERVICE_NAME, NAME_ERROR_TEXT } from '../services/name';
import { usePlatformName } from '../services/platform';
import { PLATFORM_TEXT } from '../services/text';

const URL_ERROR_TEXT = {
  empty: 'add.urlError.empty',
  invalid: 'add.urlError.invalid',
  'not-https': 'add.urlError.notHttps',
  credentials: 'add.urlError.credentials',
  'no-host': 'add.urlError.noHost',
} as const satisfies Record<CustomUrlError, string>;

/** Errors that no further typing can fix: shown at once. The others wait until the field is left. */
const FINAL_URL_ERRORS: ReadonlySet<CustomUrlError> = new Set(['not-https', 'credentials']);

const isUrlError = (code: string | undefined): code is CustomUrlError =>
  code !== undefined && Object.hasOwn(URL_ERROR_TEXT, code);

interface AccountFormProps {
  platform: PlatformId;
  onBack: () => void;
  onAdded: () => void;
}

export function AccountForm({ platform, onBack, onAdded }: AccountFormProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const platformName = usePlatformName();
  const taken = useApp((s) => s.services).map((s) => s.name);
  const custom = platform === 'custom';
  const [name, setName] = useState(() => (custom ? '' : defaultServiceName(PLATFORMS[platform].name, taken)));
  const [url, setUrl] = useState('');
  const [touched, setTouched] = useState({ name: false, url: false });
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);

  const parsed = custom ? parseCustomUrl(url) : null;
  const urlCode = parsed !== null && !parsed.ok ? parsed.error : null;
  const shownUrlCode = urlCode !== null && (touched.url || FINAL_URL_ERRORS.has(urlCode)) ? urlCode : null;
  const nameCode = checkName(name, { optional: custom });
  const shownNameCode = nameCode === 'long' || touched.name ? nameCode : null;
  const suggestedName = parsed?.ok === true ? defaultServiceName(new URL(parsed.url).hostname.replace(/^www\./u, ''), taken) : '';

  const submit = async () => {
    setTouched({ name: true, url: true });
    setFailure(null);
    if (urlCode !== null) {
      urlRef.current?.focus();
      return;
    }
    if (nameCode !== null) {
      nameRef.current?.focus();
      return;
    }
    setPending(true);
    const trimmed = name.trim();
    const result = await command({
      type: 'service.add',
      platform,
      ...(trimmed === '' ? {} : { name: trimmed }),
      ...(parsed?.ok === true ? { url: parsed.url } : {}),
    });
    if (result.ok) {
      onAdded();
      return;
    }
    setPending(false);
    if (result.error === 'custom-url') {
      setFailure(t(URL_ERROR_TEXT[isUrlError(result.detail) ? result.detail : 'invalid']));
    } else {
      setFailure(t('add.failed'));
    }
  };

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <form className="account-form" onSubmit={onSubmit} noValidate>
      <div className="dialog-body">
        <div className="account-platform">
          <PlatformTile icon={PLATFORMS[platform].icon} size="lg" />
          <div>
            <p className="account-platform-name">{platformName(platform)}</p>
            <p className="account-platform-description">{t(PLATFORM_TEXT[platform].description)}</p>
          </div>
        </div>
        {custom ? (
          <Field
            ref={urlRef}
            label={t('add.url')}
            hint={t('add.urlHint')}
            error={shownUrlCode === null ? null : t(URL_ERROR_TEXT[shownUrlCode])}
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            onBlur={() => setTouched((s) => ({ ...s, url: url.trim() !== '' || s.url }))}
            type="url"
            inputMode="url"
            dir="ltr"
            spellCheck={false}
            autoComplete="off"
            placeholder="chat.example.com"
            autoFocus
          />
        ) : null}
        <Field
          ref={nameRef}
          label={t('add.name')}
          hint={custom ? t('add.nameHintCustom') : t('add.nameHint')}
          error={shownNameCode === null ? null : t(NAME_ERROR_TEXT[shownNameCode], { max: MAX_SERVICE_NAME })}
          value={name}
          onChange={(event) => setName(event.target.value)}
          onBlur={() => setTouched((s) => ({ ...s, name: true }))}
          placeholder={suggestedName}
          dir="auto"
          autoComplete="off"
          autoFocus={!custom}
        />
        <FormFailure failure={failure} />
      </div>
      <FormFooter secondaryLabel={t('common.back')} onSecondary={onBack} submitLabel={t('add.submit')} pending={pending} />
    </form>
  );
}
