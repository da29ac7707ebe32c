const N = 3_000_000;
const fs = []; for (let r = 0; r < N; r++) fs.push('ROUND(ROUND(Lots!$I$' + (r%10000+2) + '*' + (r%120+1) + '/Lots!$J$' + (r%10000+2) + ',2)-H' + (r+1) + ',2)');
const buf = Buffer.allocUnsafe(1 << 24);
function a() { let pos = 0; for (const s of fs) { const n = s.length; for (let i = 0; i < n; i++) { const ch = s.charCodeAt(i); if (ch >= 0x7f || ch < 0x20 || ch === 38 || ch === 60 || ch === 62) throw 1; buf[pos + i] = ch; } pos += n; if (pos > 1 << 23) pos = 0; } }
function b() { let pos = 0; for (const s of fs) { const n = buf.latin1Write(s, pos); for (let i = pos; i < pos + n; i++) { const ch = buf[i]; if (ch >= 0x7f || ch < 0x20 || ch === 38 || ch === 60 || ch === 62) throw 1; } pos += n; if (pos > 1 << 23) pos = 0; } }
function c() { let pos = 0; for (const s of fs) { const n = buf.write(s, pos, 'utf8'); if (n !== s.length || s.indexOf('&') >= 0 || s.indexOf('<') >= 0 || s.indexOf('>') >= 0) throw 1; pos += n; if (pos > 1 << 23) pos = 0; } }
const re = /[&<>\u0000-\u001f\u007f-\uffff]/;
function d() { let pos = 0; for (const s of fs) { if (re.test(s)) throw 1; pos += buf.latin1Write(s, pos); if (pos > 1 << 23) pos = 0; } }
for (const [name, f] of [['charCodeAt', a], ['latin1+scan', b], ['utf8+indexOf', c], ['regex+latin1', d], ['charCodeAt', a]]) { const t = performance.now(); f(); console.log(name, (performance.now() - t).toFixed(0)); }
