# The reference of the render bench: renders one post the way Jekyll builds it (Liquid first, then the
# Markdown converter, kramdown with Jekyll's defaults), over the site the post belongs to, and prints the HTML.
# Jekyll reads the whole site (as it must for {% post_url %}), then runs its own Renderer on the one document.
#
# jekyll-assets is not installed with Debian's jekyll, so a minimal `asset` tag stub is registered below: it
# emits an <img> for the path (no lookup, no processing), just enough that Liquid does not fail on the tag.
#
# Usage: ruby bench/render-jekyll-post.rb SITE_DIR POST_FILE
require 'jekyll'
require 'tmpdir'

# Stand-in for jekyll-assets' {% asset path attr="value" %}: an <img> with the path under /assets/.
class BenchAssetTag < Liquid::Tag
  def initialize(tag_name, markup, tokens)
    super
    @path = markup.strip.split(/\s+/).first.to_s.delete('"\'')
  end

  def render(_context)
    %(<img src="/assets/#{@path}" alt="">)
  end
end
Liquid::Template.register_tag('asset', BenchAssetTag)

site_dir, post_file = ARGV
abort('usage: render-jekyll-post.rb SITE_DIR POST_FILE') unless site_dir && post_file

config = Jekyll.configuration(
  'source' => File.expand_path(site_dir),
  'destination' => File.join(Dir.tmpdir, 'pressroom-bench-jekyll-site'),
  'quiet' => true,
  # Every run converts as a first build does: no .jekyll-cache in the site from the run before.
  'disable_disk_cache' => true,
)
site = Jekyll::Site.new(config)
site.reset
site.read
wanted = File.expand_path(post_file)
doc = site.posts.docs.find { |d| File.expand_path(d.path) == wanted } or abort("#{post_file} is not a post of #{site_dir}")
# Jekyll::Renderer#run: Liquid with the site payload, then the converters (no layout: the bench post has none).
$stdout.write(Jekyll::Renderer.new(site, doc, site.site_payload).run)
