# Renders Markdown with Jekyll's own Markdown converter (Jekyll::Converters::Markdown over a site whose
# _config.yml holds Jekyll's defaults: kramdown with GFM input, rouge), so the HTML is exactly what a Jekyll
# site's post body is after its Liquid step, rouge's highlighter-rouge wrappers included. One Ruby process
# renders any number of files (starting Jekyll is the slow part). Used to write the golden files.
#
# Usage:
#   ruby scripts/golden/render-jekyll.rb FILE.md                    prints the HTML of one file to stdout
#   ruby scripts/golden/render-jekyll.rb --out DIR FILE.md...       writes DIR/<name>.html for every file
# Options:
#   --config FILE   use this _config.yml instead of Jekyll's defaults (e.g. a real site's kramdown options)
require 'fileutils'
require 'jekyll'
require 'tmpdir'

DEFAULT_CONFIG = <<~YAML
  # Jekyll's defaults, written out so the golden files do not depend on an installed site.
  markdown: kramdown
  highlighter: rouge
  kramdown:
    input: GFM
YAML

# Returns Jekyll's Markdown converter for a throw-away site built over `dir` with the given config text.
def markdown_converter(dir, config_text)
  File.write(File.join(dir, '_config.yml'), config_text)
  config = Jekyll.configuration(
    'source' => dir,
    'destination' => File.join(dir, '_site'),
    'config' => File.join(dir, '_config.yml'),
    'quiet' => true,
  )
  Jekyll::Site.new(config).find_converter_instance(Jekyll::Converters::Markdown)
end

out_dir = nil
config_text = DEFAULT_CONFIG
files = []
args = ARGV.dup
until args.empty?
  arg = args.shift
  case arg
  when '--out' then out_dir = args.shift or abort('--out needs a folder')
  when '--config' then config_text = File.read(args.shift || abort('--config needs a file'), encoding: 'UTF-8')
  else files << arg
  end
end
abort('usage: render-jekyll.rb [--config FILE] [--out DIR] FILE.md...') if files.empty?
abort('several files need --out DIR') if files.length > 1 && out_dir.nil?

Dir.mktmpdir('pressroom-jekyll-') do |dir|
  converter = markdown_converter(dir, config_text)
  files.each do |file|
    html = converter.convert(File.read(file, encoding: 'UTF-8'))
    if out_dir
      FileUtils.mkdir_p(out_dir)
      File.write(File.join(out_dir, File.basename(file, '.*') + '.html'), html)
    else
      $stdout.write(html)
    end
  end
end
