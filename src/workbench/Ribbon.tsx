/**
 * The window's top: the title bar, the ribbon's tabs with the 文件 (File) menu, and the 开始 (Home)
 * ribbon with the workbook buttons and the add-in's own button, as Excel shows them.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { useRef, useState, type ChangeEvent } from 'react';
import type { Lang } from '../core/i18n';
import { annotatedName } from './document';
import { FolderIcon, SaveIcon, SamplesIcon } from './icons';
import { sampleTitle } from './samples';
import { wt } from './strings';
import { useWorkbenchStyles } from './styles';

export interface RibbonProps {
  lang: Lang;
  /** The open workbook's file name, or what is being opened. */
  title: string;
  /** Whether a workbook is open (Save needs one). */
  open: boolean;
  samples: readonly string[];
  onOpenFile(file: File): void;
  onOpenSample(name: string): void;
  onSave(): void;
  onSaveAs(name: string): void;
}

function SamplesMenu(p: { lang: Lang; samples: readonly string[]; onOpenSample(name: string): void }) {
  return (
    <MenuList>
      {p.samples.map((name) => (
        <MenuItem key={name} onClick={() => p.onOpenSample(name)} data-testid="sample-item" data-sample={name} title={`${name}.xlsx`}>
          {sampleTitle(name, p.lang)}
        </MenuItem>
      ))}
    </MenuList>
  );
}

export function Ribbon(p: RibbonProps) {
  const s = useWorkbenchStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [saveAs, setSaveAs] = useState<string | null>(null);
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (f) p.onOpenFile(f);
  };
  const openPicker = () => fileInput.current?.click();
  const askSaveAs = () => setSaveAs(annotatedName(p.title));
  return (
    <>
      <header className={s.titleBar}>
        <span className={s.appMark} aria-hidden="true">
          X
        </span>
        <span className={s.titleHint}>resptable · {wt(p.lang, 'app.title')}</span>
        <span className={s.titleText} data-testid="workbook-name">
          {p.title}
        </span>
        <span className={s.titleHint}>{wt(p.lang, 'app.subtitle')}</span>
      </header>
      <nav className={s.ribbonTabs}>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <button type="button" className={`${s.ribbonTab} ${s.fileTab}`} data-testid="file-menu">
              {wt(p.lang, 'menu.file')}
            </button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem icon={<FolderIcon />} onClick={openPicker} data-testid="file-open">
                {wt(p.lang, 'toolbar.open')}
              </MenuItem>
              <MenuItem icon={<SaveIcon />} disabled={!p.open} onClick={p.onSave} data-testid="file-save">
                {wt(p.lang, 'toolbar.save')}
              </MenuItem>
              <MenuItem disabled={!p.open} onClick={askSaveAs} data-testid="file-save-as">
                {wt(p.lang, 'toolbar.save-as')}
              </MenuItem>
              <Menu>
                <MenuTrigger disableButtonEnhancement>
                  <MenuItem icon={<SamplesIcon />} data-testid="file-samples">
                    {wt(p.lang, 'toolbar.samples')}
                  </MenuItem>
                </MenuTrigger>
                <MenuPopover>
                  <SamplesMenu lang={p.lang} samples={p.samples} onOpenSample={p.onOpenSample} />
                </MenuPopover>
              </Menu>
            </MenuList>
          </MenuPopover>
        </Menu>
        <span className={`${s.ribbonTab} ${s.ribbonTabActive}`}>{wt(p.lang, 'menu.home')}</span>
      </nav>
      <div className={s.ribbon} role="toolbar" aria-label={wt(p.lang, 'menu.home')}>
        <div className={s.group}>
          <div className={s.groupButtons}>
            <Button appearance="subtle" icon={<FolderIcon />} onClick={openPicker} title={wt(p.lang, 'toolbar.open.title')} data-testid="open-button">
              {wt(p.lang, 'toolbar.open')}
            </Button>
            <input ref={fileInput} className={s.fileInput} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={onFile} data-testid="open-input" />
            <Button appearance="subtle" icon={<SaveIcon />} disabled={!p.open} onClick={p.onSave} title={p.open ? wt(p.lang, 'toolbar.save.title', { file: annotatedName(p.title) }) : undefined} data-testid="save-button">
              {wt(p.lang, 'toolbar.save')}
            </Button>
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button appearance="subtle" icon={<SamplesIcon />} data-testid="samples-button">
                  {wt(p.lang, 'toolbar.samples')}
                </Button>
              </MenuTrigger>
              <MenuPopover>
                <SamplesMenu lang={p.lang} samples={p.samples} onOpenSample={p.onOpenSample} />
              </MenuPopover>
            </Menu>
          </div>
          <span className={s.groupLabel}>{wt(p.lang, 'ribbon.file-group')}</span>
        </div>
        <span className={s.ribbonSep} />
        <div className={s.group}>
          <div className={s.groupButtons}>
            <button
              type="button"
              className={s.bigButton}
              title={wt(p.lang, 'ribbon.button.title')}
              data-testid="ribbon-addin-button"
              onClick={() => document.querySelector<HTMLElement>('[data-testid="check-button"]')?.focus()}
            >
              <img src="assets/icon-32.png" width={32} height={32} alt="" />
              <span>{wt(p.lang, 'ribbon.button')}</span>
            </button>
          </div>
          <span className={s.groupLabel}>{wt(p.lang, 'ribbon.group')}</span>
        </div>
      </div>
      <Dialog open={saveAs !== null} onOpenChange={(_, d) => !d.open && setSaveAs(null)}>
        <DialogSurface data-testid="save-as-dialog">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const name = (saveAs ?? '').trim();
              setSaveAs(null);
              if (name !== '') p.onSaveAs(name);
            }}
          >
            <DialogBody>
              <DialogTitle>{wt(p.lang, 'saveas.title')}</DialogTitle>
              <DialogContent>
                <Field label={wt(p.lang, 'saveas.label')}>
                  <Input value={saveAs ?? ''} onChange={(_, d) => setSaveAs(d.value)} data-testid="save-as-name" />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" type="submit" data-testid="save-as-ok">
                  {wt(p.lang, 'saveas.ok')}
                </Button>
                <Button appearance="secondary" onClick={() => setSaveAs(null)}>
                  {wt(p.lang, 'saveas.cancel')}
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </>
  );
}
