import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { UpdateState } from '../update/updater';

/** What the Help menu offers: About (with the licences) and, in an installed copy, updates. */
export interface HelpMenu {
  openAbout(): void;
  update: UpdateState;
  check(): void;
  download(): void;
  install(): void;
}

function updateItems(help: HelpMenu): MenuItemConstructorOptions[] {
  const u = help.update;
  if (u.kind === 'disabled') return [{ label: `Updates: ${u.reason}`, enabled: false }];
  if (u.kind === 'available')
    return [{ label: `Download version ${u.version}`, click: () => help.download() }];
  if (u.kind === 'ready')
    return [{ label: `Restart to install version ${u.version}`, click: () => help.install() }];
  if (u.kind === 'refused')
    return [{ label: `Version ${u.version} refused: ${u.reason}`, enabled: false }];
  return [{ label: 'Check for updates', click: () => help.check() }];
}

/** The application menu: standard roles only, so platform conventions and shortcuts apply. */
export function installAppMenu(isMac: boolean, isDev: boolean, help?: HelpMenu): void {
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(isDev
          ? ([
              { role: 'reload' },
              { role: 'toggleDevTools' },
              { type: 'separator' },
            ] as MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    ...(help === undefined
      ? []
      : [
          {
            role: 'help',
            submenu: [
              { label: 'About Cohort Desk and licences', click: () => help.openAbout() },
              { type: 'separator' },
              ...updateItems(help),
            ],
          } as MenuItemConstructorOptions,
        ]),
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
