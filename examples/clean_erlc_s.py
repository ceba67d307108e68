import re, sys
# Turns erlc -S output into a tidy beamlet example: drops the type
# annotations ({'%',...} forms), typed-register wrappers and module_info.
src = open(sys.argv[1]).read()
out = []
forms = []
i = 0
# split into top-level forms ending with ".\n"
buf = ''
for line in src.splitlines(keepends=True):
    buf += line
    if re.search(r'\.\s*(%.*)?$', line.rstrip('\n')) and buf.count('{') == buf.count('}'):
        forms.append(buf); buf = ''
if buf.strip(): forms.append(buf)
res = []
skip_fn = False
for f in forms:
    s = f.strip()
    if s.startswith("{'%'"):
        continue
    if s.startswith('{function, module_info'):
        skip_fn = True
        continue
    if s.startswith('{function,'):
        skip_fn = False
    if skip_fn:
        continue
    # {tr,Reg,Type} -> Reg (Type may nest)
    while '{tr,' in f:
        k = f.index('{tr,')
        j = k + 4
        depth = 0
        # register ends at the first '},' at depth 0 after {x,N}
        m = re.match(r'\{tr,\s*(\{[xy],\d+\}),', f[k:])
        reg = m.group(1)
        j = k + m.end()
        depth = 1
        while depth:
            if f[j] == '{': depth += 1
            elif f[j] == '}': depth -= 1
            j += 1
        f = f[:k] + reg + f[j:]
    f = f.replace(',{module_info,0},{module_info,1}', '')
    res.append(f)
text = ''.join(res)
text = re.sub(r'\n{3,}', '\n\n', text)
sys.stdout.write(text)
