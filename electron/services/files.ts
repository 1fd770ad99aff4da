/**
 * Pictures the renderer hands over to be written (charts saved as PNG). The
 * renderer is sandboxed, so it sends the bytes and the path the user picked
 * in the save dialog; only a real PNG of at most 20 MB is written.
 */
import { PNG_MAX_BYTES } from '../../shared/api';
import { t } from '../../shared/messages';
import { AppError } from '../errors';
import type { FileAccess } from './grants';
import { writeFileSafely } from './safe-write';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Decodes base64 (a `data:image/png;base64,` prefix is accepted) and checks it is a PNG of at most 20 MB. */
export function decodePng(dataBase64: string): Buffer {
  const body = dataBase64.replace(/^data:image\/png;base64,/, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0) {
    throw new AppError('validation', t('error.files.notBase64'));
  }
  if ((body.length / 4) * 3 > PNG_MAX_BYTES + 2) throw new AppError('validation', t('error.files.pngTooLarge'));
  const bytes = Buffer.from(body, 'base64');
  // Signature, then the IHDR chunk (length 13) that every PNG starts with.
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new AppError('validation', t('error.files.notPng'));
  }
  if (bytes.length > PNG_MAX_BYTES) throw new AppError('validation', t('error.files.pngTooLarge'));
  return bytes;
}

export async function writePng(files: FileAccess, input: { path: string; dataBase64: string }): Promise<{ path: string }> {
  const bytes = decodePng(input.dataBase64);
  // Save dialogs on some Linux desktops do not add the extension of the chosen filter.
  const file = /\.png$/i.test(input.path) ? input.path : `${input.path}.png`;
  // The chosen name covers the one with .png added, but not replacing a file of that name.
  if (file !== input.path) files.mayWrite(file, { chosenAs: input.path });
  await writeFileSafely(file, bytes);
  return { path: file };
}
