/** The "Export" menu button of the post's toolbar: PDF…, HTML… and Print…, a menu a keyboard can move through. */
import { MenuButton } from '../../common/menu-button';
import { useI18n } from '../../i18n/i18n-context';
import { printShortcut, type Exporter } from './use-export';
import './export.css';

/** The button; without an open post it stays visible but disabled, and says why. */
export function ExportButton({ exporter }: { exporter: Exporter }) {
  const { t } = useI18n();
  return (
    <MenuButton
      label={t('export.menu')}
      menuLabel={t('export.menu.label')}
      disabled={!exporter.target}
      disabledHint={t('export.menu.noPost')}
      items={[
        { id: 'pdf', label: t('export.menu.pdf'), run: () => exporter.openDialog('pdf') },
        { id: 'html', label: t('export.menu.html'), run: () => exporter.openDialog('html') },
        { id: 'print', label: t('export.menu.print'), shortcut: printShortcut(), run: () => void exporter.print() },
      ]}
    />
  );
}
