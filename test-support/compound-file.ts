// A minimal OLE compound file (version 3, 512-byte sectors) holding empty
// streams of the given names: the container that Office writes around a
// password-protected DOCX/XLSX (streams EncryptionInfo, EncryptedPackage).
// LibreOffice cannot write one from the command line, so the tests build
// its directory here, as [MS-CFB] lays it out.

const END_OF_CHAIN = 0xfffffffe
const FREE = 0xffffffff
const FAT_SECTOR = 0xfffffffd

/** A compound file whose root storage holds empty streams named `streams`. */
export function compoundFile(streams: readonly string[]): Uint8Array {
  const entries = ['Root Entry', ...streams]
  const dirSectors = Math.ceil(entries.length / 4)
  const bytes = new Uint8Array(512 * (2 + dirSectors))
  const view = new DataView(bytes.buffer)
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
  view.setUint16(0x18, 0x3e, true) // minor version
  view.setUint16(0x1a, 3, true) // major version
  view.setUint16(0x1c, 0xfffe, true) // byte order
  view.setUint16(0x1e, 9, true) // 512-byte sectors
  view.setUint16(0x20, 6, true) // 64-byte mini sectors
  view.setUint32(0x2c, 1, true) // one FAT sector
  view.setUint32(0x30, 1, true) // the directory starts at sector 1
  view.setUint32(0x38, 4096, true) // mini stream cutoff
  view.setUint32(0x3c, END_OF_CHAIN, true) // no mini FAT
  view.setUint32(0x44, END_OF_CHAIN, true) // no DIFAT sector
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + 4 * i, i === 0 ? 0 : FREE, true)
  // Sector 0: the FAT.
  const fat = 512
  for (let i = 0; i < 128; i++) view.setUint32(fat + 4 * i, FREE, true)
  view.setUint32(fat, FAT_SECTOR, true)
  for (let s = 1; s <= dirSectors; s++)
    view.setUint32(fat + 4 * s, s === dirSectors ? END_OF_CHAIN : s + 1, true)
  // Sectors 1…: the directory, the streams as a right-leaning chain of siblings.
  entries.forEach((name, i) => {
    const at = 1024 + 128 * i
    for (let c = 0; c < name.length; c++) view.setUint16(at + 2 * c, name.charCodeAt(c), true)
    view.setUint16(at + 0x40, 2 * (name.length + 1), true)
    bytes[at + 0x42] = i === 0 ? 5 : 2
    bytes[at + 0x43] = 1 // black
    view.setUint32(at + 0x44, FREE, true) // left sibling
    view.setUint32(at + 0x48, i > 0 && i < entries.length - 1 ? i + 1 : FREE, true)
    view.setUint32(at + 0x4c, i === 0 && entries.length > 1 ? 1 : FREE, true) // child
    view.setUint32(at + 0x74, END_OF_CHAIN, true) // no data
  })
  return bytes
}
