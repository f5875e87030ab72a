/**
 * Screen sharing on Electron: each service session's `getDisplayMedia` requests go to the picker
 * (main/core/screen-share/picker.ts) with what Electron says of the asking frame, and the screens and windows come
 * from desktopCapturer as bounded pictures the shell can show.
 *
 * A frame is placed by its top frame (walking `parent`): the service's own view's, or that of a pop-up window a
 * service's page opened (./popups.ts, through ContentsPolicy): whose service, whether the frame is its top frame,
 * whether the window is focused. A pop-up that asked is watched like the view: closed, navigated or crashed, its
 * request is answered no.
 *
 * What this relies on, from Electron 45's API (node_modules/electron/electron.d.ts, the docs of
 * https://www.electronjs.org/docs/latest/api/session#sessetdisplaymediarequesthandlerhandler-opts and
 * https://www.electronjs.org/docs/latest/api/desktop-capturer):
 * - `ses.setDisplayMediaRequestHandler(handler, { useSystemPicker })`: the handler gets `{ frame, securityOrigin,
 *   videoRequested, audioRequested, userGesture }`; `frame` (a WebFrameMain) is null once the frame navigated or was
 *   destroyed, and its getters throw once it is disposed. The callback takes `{ video, audio }` or `null` (refused).
 *   `video` is a DesktopCapturerSource or an `{ id, name }` of one, or a WebFrameMain (which captures that frame's
 *   whole page: Wasl never grants one). `audio` `'loopback'` shares the system's sound and is supported on Windows
 *   only. The callback throws if the frame is gone by the time it is called.
 * - Refusing (Electron's shell/browser/electron_browser_context.cc, DisplayMediaDeviceChosen): `null` fails the
 *   capture quietly; an object without `video` when video was asked throws "Video was requested, but no video stream
 *   was provided" into main. Wasl refuses with `null` only.
 * - Before the handler, Electron asks the session's permission request handler for `display-capture` with the
 *   `mediaTypes` asked (Electron 45, electron/electron#52824: screen capture was a `media` request naming no device
 *   before), exactly as it asks for the legacy desktop `getUserMedia({ video: { mandatory: { chromeMediaSource:
 *   'desktop' } } })`, which once granted captures the whole screen with no handler at all
 *   (shell/browser/web_contents_permission_helper.cc HandleUserMediaRequest). main/security/policy.ts grants that
 *   permission only to a top frame of the service while a share may start (ScreenSharePicker.mayAsk: its view with
 *   the service in front, or its focused pop-up), and ScreenSharePicker.granted stops the page if no request follows.
 * - `useSystemPicker` (experimental, macOS 15+ only): when the system picker is available the handler is not called
 *   at all, so Wasl's rules would not run. Wasl leaves it off.
 * - `desktopCapturer.getSources({ types, thumbnailSize, fetchWindowIcons })`: sources `{ id, name, thumbnail,
 *   appIcon }`, ids `screen:<n>:0` and `window:<handle>:<0|1>`; the thumbnail may be larger than asked (the screen's
 *   scale), so main scales it; `appIcon` is null unless `fetchWindowIcons` and for screens. On macOS 10.15+ capturing
 *   the screen needs the user's Screen Recording permission (without it the list has no windows or blank pictures:
 *   the picker says so); macOS 14.2+ needs NSAudioCaptureUsageDescription for sound.
 * - Linux on Wayland: Chromium captures through the xdg-desktop-portal and PipeWire, and getSources itself opens the
 *   portal's own chooser, answering the source the user picked there (electron/electron#37527 made a failed
 *   PipeWire capture fall back to X11; webadderallorg/Recordly#269 describes the portal prompt). Wasl asks for
 *   screens and windows in one call, so the portal asks once, and the picker then shows what it answered.
 */
import { SCREEN_SHARE_LIMITS, SCREEN_SOURCE_ID, type ScreenSource } from '../../common/screen-share';
import type { Logger } from '../core/app/ports';
import type { PageGone, PopupAsk, ScreenSharePicker } from '../core/screen-share/picker';
import type { CapturedImageLike, DesktopCapturerLike, DesktopSourceLike, DisplayMediaRequestLike, DisplayMediaStreamsLike, WebContentsLike, WebFrameLike } from './api';
import type { OwnedPopup } from './popups';

/** The size of an application's icon beside a window's name (twice the 16 CSS pixels it is shown at). */
const ICON_PX = 32;
const JPEG_QUALITY = 70;

/** Hands each service session's requests to the picker; tells it when a page with a request goes away. */
export class ElectronScreenShare {
  private readonly watched = new WeakSet<WebContentsLike>();

  /** `popups`: the windows services' pages opened and still open (ContentsPolicy.popupWindows). */
  constructor(
    private readonly picker: Pick<ScreenSharePicker, 'request' | 'pageGone'>,
    private readonly log: Logger,
    private readonly popups: () => readonly OwnedPopup[] = () => [],
  ) {}

  /** ServiceViews' `onDisplayMedia`. */
  handle(serviceId: string, contents: WebContentsLike | undefined, request: DisplayMediaRequestLike, callback: (streams: DisplayMediaStreamsLike) => void): void {
    const live = contents !== undefined && !contents.isDestroyed() ? contents : undefined;
    const frame = this.frameFacts(serviceId, request, live);
    this.picker.request(
      {
        serviceId,
        ...frame,
        securityOrigin: request.securityOrigin,
        userGesture: request.userGesture,
        videoRequested: request.videoRequested,
        audioRequested: request.audioRequested,
      },
      (grant) => callback(grant),
    );
  }

  /**
   * The frame's address; whether it is the top frame of the service's own view; and, when it is in a pop-up window
   * a service's page opened, what is known of that window. The page that asked is watched from then on.
   */
  private frameFacts(
    serviceId: string,
    request: DisplayMediaRequestLike,
    contents: WebContentsLike | undefined,
  ): { frameUrl: string | null; topFrame: boolean; popup?: PopupAsk; pageId?: number } {
    const frame = request.frame;
    if (frame === null) return { frameUrl: null, topFrame: false };
    try {
      const frameUrl = frame.url;
      const isTop = frame.parent === null;
      const root = rootOf(frame);
      if (contents !== undefined && sameFrame(root, contents.mainFrame)) {
        this.watch(serviceId, contents);
        return { frameUrl, topFrame: isTop, pageId: contents.id };
      }
      const owned = this.popups().find((p) => !p.window.isDestroyed() && sameFrame(root, p.window.webContents.mainFrame));
      if (owned === undefined) return { frameUrl, topFrame: false };
      const window = owned.window;
      const sameService = owned.serviceId === serviceId;
      if (sameService) this.watch(serviceId, window.webContents);
      const popup: PopupAsk = {
        sameService,
        topFrame: isTop,
        focused: window.isFocused(),
        refocus: () => {
          if (!window.isDestroyed()) window.focus();
        },
      };
      return { frameUrl, topFrame: false, popup, pageId: window.webContents.id };
    } catch (error) {
      this.log.info('screen share request from a frame that is gone', { error: String(error) });
      return { frameUrl: null, topFrame: false };
    }
  }

  private watch(serviceId: string, contents: WebContentsLike): void {
    if (this.watched.has(contents)) return;
    this.watched.add(contents);
    const page = contents.id;
    const gone = (why: PageGone) => () => this.picker.pageGone(serviceId, why, page);
    contents.on('did-navigate', gone('navigated'));
    contents.on('render-process-gone', gone('crashed'));
    contents.on('destroyed', gone('closed'));
  }
}

/** The top frame of the page a frame is in. */
function rootOf(frame: WebFrameLike): WebFrameLike {
  let top = frame;
  while (top.parent !== null) top = top.parent;
  return top;
}

/** The same frame: Electron names a frame by its process and routing ids. */
function sameFrame(a: WebFrameLike, b: WebFrameLike): boolean {
  return a.processId === b.processId && a.routingId === b.routingId;
}

/** The picker's `sources`: screens first, then windows, at most SCREEN_SHARE_LIMITS.sources, pictures bounded. */
export function screenSources(capturer: DesktopCapturerLike): () => Promise<ScreenSource[]> {
  return async () => {
    const found = await capturer.getSources({
      types: ['screen', 'window'],
      thumbnailSize: { width: SCREEN_SHARE_LIMITS.thumbnailWidth, height: SCREEN_SHARE_LIMITS.thumbnailHeight },
      fetchWindowIcons: true,
    });
    const usable = found.filter((s) => SCREEN_SOURCE_ID.test(s.id));
    const screens = usable.filter((s) => s.id.startsWith('screen:'));
    const windows = usable.filter((s) => s.id.startsWith('window:'));
    return [...screens, ...windows].slice(0, SCREEN_SHARE_LIMITS.sources).map(toSource);
  };
}

function toSource(source: DesktopSourceLike): ScreenSource {
  const kind = source.id.startsWith('screen:') ? 'screen' : 'window';
  return {
    id: source.id,
    kind,
    name: cut(source.name.trim(), SCREEN_SHARE_LIMITS.nameChars),
    thumbnail: picture(source.thumbnail, SCREEN_SHARE_LIMITS.thumbnailWidth, SCREEN_SHARE_LIMITS.thumbnailHeight, 'jpeg', SCREEN_SHARE_LIMITS.thumbnailChars),
    icon: kind === 'window' && source.appIcon !== null ? picture(source.appIcon, ICON_PX, ICON_PX, 'png', SCREEN_SHARE_LIMITS.iconChars) : null,
  };
}

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first `max` characters as the reader sees them (an emoji or a letter with its marks is never split). */
function cut(text: string, max: number): string {
  return Array.from(GRAPHEMES.segment(text), (s) => s.segment)
    .slice(0, max)
    .join('');
}

/** A data address of the image scaled to fit `width` × `height`; null when it is empty or still too large. */
function picture(image: CapturedImageLike, width: number, height: number, format: 'jpeg' | 'png', maxChars: number): string | null {
  if (image.isEmpty()) return null;
  const size = image.getSize();
  const scaled = size.width <= width && size.height <= height ? image : size.width * height >= size.height * width ? image.resize({ width }) : image.resize({ height });
  const bytes = format === 'jpeg' ? scaled.toJPEG(JPEG_QUALITY) : scaled.toPNG();
  const url = `data:image/${format};base64,${bytes.toString('base64')}`;
  return url.length <= maxChars ? url : null;
}
