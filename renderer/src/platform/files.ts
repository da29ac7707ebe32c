/** A file the user picked or dropped, as the payload of openBytes(). */

/** Base64 without Node's Buffer (chunked: String.fromCharCode takes a bounded argument list). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

export async function fileToOpenRequest(file: File): Promise<{ name: string; bytesBase64: string }> {
  return { name: file.name, bytesBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
}
