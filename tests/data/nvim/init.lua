-- Neovim set-up for `articlekit lsp`, as tests/lsp/test_nvim.py runs it (docs/editors.md copies it).
-- Run: nvim --headless --clean -u init.lua BROKEN.md, with the environment variables
-- ARTICLEKIT_LSP_CMD (the server command, JSON), ARTICLEKIT_FORMAT (a file to format) and
-- ARTICLEKIT_OUT (where to write what happened, JSON).
vim.cmd("filetype on")
local cmd = vim.fn.json_decode(os.getenv("ARTICLEKIT_LSP_CMD") or '["articlekit", "lsp"]')
local root_markers = { "articlekit.toml", ".articlekit.toml", "pyproject.toml", ".git" }
local api

if vim.lsp.config ~= nil and vim.lsp.enable ~= nil then
  -- Neovim 0.11 and later
  api = "vim.lsp.config"
  vim.lsp.config("articlekit", { cmd = cmd, filetypes = { "markdown" }, root_markers = root_markers })
  vim.lsp.enable("articlekit")
elseif vim.lsp.start ~= nil then
  -- Neovim 0.8 to 0.10
  api = "vim.lsp.start"
  vim.api.nvim_create_autocmd("FileType", {
    pattern = "markdown",
    callback = function(args)
      local found = vim.fs.find(root_markers, { upward = true, path = vim.fs.dirname(args.file) })[1]
      vim.lsp.start({ name = "articlekit", cmd = cmd, root_dir = found and vim.fs.dirname(found) or vim.fn.getcwd() })
    end,
  })
else
  -- Neovim 0.7: one client, attached to every Markdown buffer
  api = "vim.lsp.start_client"
  local client_id
  vim.api.nvim_create_autocmd("FileType", {
    pattern = "markdown",
    callback = function(args)
      if client_id == nil then
        client_id = vim.lsp.start_client({ name = "articlekit", cmd = cmd, root_dir = vim.fn.getcwd() })
      end
      vim.lsp.buf_attach_client(args.buf, client_id)
    end,
  })
end

-- what the test reads back ---------------------------------------------------------------------
local out = { api = api, version = vim.fn.matchstr(vim.fn.execute("version"), "NVIM v\\zs[^\n]*") }

local function client_of(buf)
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf })
    or vim.tbl_values(vim.lsp.buf_get_clients(buf))
  for _, client in ipairs(clients) do
    if client.name == "articlekit" then
      return client
    end
  end
end

local function finish()
  local file = io.open(os.getenv("ARTICLEKIT_OUT"), "w")
  file:write(vim.fn.json_encode(out))
  file:close()
  vim.cmd("qa!")
end

vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
    vim.schedule(function()
      local buf = vim.api.nvim_get_current_buf()
      local ok = vim.wait(30000, function()
        return #vim.diagnostic.get(buf) > 0
      end, 50)
      out.waited = ok
      out.diagnostics = {}
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        table.insert(out.diagnostics, {
          code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
          lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
          severity = d.severity, message = d.message,
        })
      end
      local client = client_of(buf)
      out.offset_encoding = client and client.offset_encoding
      -- formatting: a second file, formatted through the server, the edits applied by Neovim
      vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("ARTICLEKIT_FORMAT")))
      local fbuf = vim.api.nvim_get_current_buf()
      vim.wait(30000, function()
        return client_of(fbuf) ~= nil
      end, 50)
      local fclient = client_of(fbuf)
      local params = { textDocument = { uri = vim.uri_from_bufnr(fbuf) }, options = { tabSize = 2, insertSpaces = true } }
      local response
      if fclient and vim.fn.has("nvim-0.11") == 1 then
        response = fclient:request_sync("textDocument/formatting", params, 20000, fbuf)
      elseif fclient then
        response = fclient.request_sync("textDocument/formatting", params, 20000, fbuf)
      end
      out.edits = response and response.result and #response.result or -1
      if response and response.result then
        vim.lsp.util.apply_text_edits(response.result, fbuf, fclient.offset_encoding)
      end
      out.formatted = vim.api.nvim_buf_get_lines(fbuf, 0, -1, false)
      finish()
    end)
  end,
})
