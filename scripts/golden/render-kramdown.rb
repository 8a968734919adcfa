# Renders Markdown the way Jekyll 4 does after its Liquid step: kramdown with the GFM parser and Jekyll's
# default kramdown options (jekyll/lib/jekyll/configuration.rb DEFAULTS and converters/markdown/kramdown_parser.rb),
# including rouge as syntax highlighter with default_lang "plaintext". Used only to write the golden files.
# Usage: ruby scripts/golden/render-kramdown.rb FILE.md  (prints HTML to stdout)
require 'kramdown'
require 'kramdown-parser-gfm'

options = {
  input: 'GFM',
  auto_ids: true,
  toc_levels: (1..6).to_a,
  entity_output: 'as_char',
  smart_quotes: 'lsquo,rsquo,ldquo,rdquo',
  hard_wrap: false,
  guess_lang: true,
  footnote_nr: 1,
  show_warnings: false,
  syntax_highlighter: 'rouge',
  syntax_highlighter_opts: { 'default_lang' => 'plaintext', 'guess_lang' => true },
}

src = File.read(ARGV.fetch(0), encoding: 'UTF-8')
$stdout.write(Kramdown::Document.new(src, options).to_html)
