-- Drives `personamap lsp` from headless Neovim (0.7 and later), on the copy of this
-- repository's site at $SITE, with the binary $PERSONAMAP. Run by tests/conformance/lsp:
--   nvim --headless --clean -c "luafile tests/conformance/lsp.lua"
-- Every step asserts; the first failure quits with exit status 1 and says which step failed.

local bin = os.getenv('PERSONAMAP')
local root = os.getenv('SITE')
local WAIT = 60000

local function say(text)
  io.stdout:write(text .. '\n')
end

local function check(cond, message)
  if not cond then
    error(message, 0)
  end
end

local file = root .. '/personas/p1-ai.toml'
local uri = vim.uri_from_fname(file)
local buf, client_id

-- Every publishDiagnostics, counted by URI.
local published = {}
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  published[result.uri] = (published[result.uri] or 0) + 1
  return publish(err, result, ctx, config)
end

-- The 0-based line and byte column of the first line holding `needle` (plain text).
local function find(needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then
      return i - 1, col - 1
    end
  end
  error('no line holds ' .. needle, 0)
end

local function code(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function diagnostic(rule)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code(d) == rule then
      return d
    end
  end
end

-- The result of one request at (line, col) of the buffer (ASCII lines: bytes are UTF-16 units).
local function request(method, line, col, extra)
  local params = { textDocument = { uri = uri }, position = { line = line, character = col } }
  for k, v in pairs(extra or {}) do
    params[k] = v
  end
  local results, err = vim.lsp.buf_request_sync(buf, method, params, WAIT)
  check(results, method .. ': no answer (' .. tostring(err) .. ')')
  local answer = results[client_id]
  check(answer, method .. ': no answer from personamap')
  check(not answer.err, method .. ': ' .. vim.inspect(answer.err))
  return answer.result
end

local function run()
  vim.cmd('cd ' .. vim.fn.fnameescape(root))
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  buf = vim.api.nvim_get_current_buf()
  local config = {
    name = 'personamap',
    cmd = { bin, 'lsp' },
    root_dir = root,
    flags = { debounce_text_changes = 0 },
  }
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(buf, client_id)
  end
  check(client_id, 'the server did not start')

  -- 1. Opening the file publishes its diagnostics (the repository's spec has warnings only).
  check(vim.wait(WAIT, function() return (published[uri] or 0) > 0 end, 20),
    'no diagnostics were published for personas/p1-ai.toml')
  check(#vim.diagnostic.get(buf) > 0, 'p1-ai.toml: its warnings were not published')
  check(not diagnostic('unknown-node'), 'p1-ai.toml: an unknown-node error before any edit')
  say('ok: diagnostics on open (' .. #vim.diagnostic.get(buf) .. ' warnings)')

  -- 2. Typing an unknown id into an edge: the error is located on it.
  local line, col = find('-.applies to.-> Pay')
  col = col + #'-.applies to.-> '
  vim.api.nvim_buf_set_text(buf, line, col, line, col + 3, { 'Pya' })
  check(vim.wait(WAIT, function() return diagnostic('unknown-node') ~= nil end, 20),
    'typing `Pya` into an edge gave no unknown-node error')
  local d = diagnostic('unknown-node')
  check(d.lnum == line and d.col == col,
    ('the unknown-node error is at %d:%d, not at the typed id %d:%d'):format(d.lnum, d.col, line, col))
  check(d.message:find('Pya', 1, true), 'the error does not name `Pya`: ' .. d.message)
  say('ok: typing an unknown id gives the located error: ' .. d.message:gsub('\n.*', ''))
  vim.api.nvim_buf_set_text(buf, line, col, line, col + 3, { 'Pay' })
  check(vim.wait(WAIT, function() return diagnostic('unknown-node') == nil end, 20),
    'the unknown-node error stayed after the edit was undone')

  -- 3. Completion inside an edge string: the persona's node ids.
  local rest = find('REST  --> CG')
  vim.api.nvim_buf_set_lines(buf, rest + 1, rest + 1, false, { 'REST --> A' })
  local result = request('textDocument/completion', rest + 1, #'REST --> A')
  local items = result and (result.items or result) or {}
  local labels = {}
  for _, item in ipairs(items) do
    labels[item.label] = true
  end
  for _, id in ipairs({ 'AIJS', 'AIPY', 'AIRunner', 'AIWorker' }) do
    check(labels[id], 'completion after `REST --> A` lacks node ' .. id .. ': ' .. vim.inspect(vim.tbl_keys(labels)))
  end
  vim.api.nvim_buf_set_lines(buf, rest + 1, rest + 2, false, {})
  say('ok: completion in an edge string gives the node ids (' .. #items .. ' items)')

  -- 4. Definition of an id used in an edge.
  local used, used_col = find('|charges| Pay')
  used_col = used_col + #'|charges| ' + 1
  local declared = find('{ id = "Pay"')
  local def = request('textDocument/definition', used, used_col)
  check(def, 'no definition of `Pay`')
  local loc = def.uri and def or def[1]
  check(loc and loc.uri == uri and loc.range.start.line == declared,
    'the definition of `Pay` is not its node: ' .. vim.inspect(def))
  vim.lsp.util.jump_to_location(loc, 'utf-16')
  check(vim.api.nvim_win_get_cursor(0)[1] - 1 == declared, 'go to definition did not move to the node')
  say('ok: definition of `Pay` at line ' .. (declared + 1))

  -- 5. Rename changes every use.
  local edit = request('textDocument/rename', used, used_col, { newName = 'Payments' })
  check(edit, 'rename gave no edit')
  vim.lsp.util.apply_workspace_edit(edit, 'utf-16')
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  local _, renamed = text:gsub('Payments', '')
  check(renamed == 3, 'rename changed ' .. renamed .. ' places, not the 3 uses of `Pay`')
  check(not text:find('%f[%w_]Pay%f[^%w_]'), 'a use of `Pay` was not renamed')
  say('ok: rename of `Pay` changed all 3 uses')

  -- 6. Hover over a class gives its meaning.
  local gw, gw_col = find('class = "gw"')
  local hover = request('textDocument/hover', gw, gw_col + #'class = "' + 1)
  check(hover and hover.contents, 'no hover over class `gw`')
  local value = hover.contents.value or vim.inspect(hover.contents)
  check(value:find('Gateways (community, self-hosted, alternative)', 1, true),
    'the hover over `gw` does not give its meaning: ' .. value)
  say('ok: hover over class `gw` gives its meaning')

  vim.cmd('wa')
  say('ok: saved')
end

local ok, err = pcall(run)
if not ok then
  io.stderr:write('FAIL: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
end
vim.cmd('qall!')
