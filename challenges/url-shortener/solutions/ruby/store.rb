# frozen_string_literal: true

require 'json'
require 'fileutils'

# Links in memory, every change in an append-only log fsynced before it is acknowledged. One mutex serialises
# writers, which is what makes "exactly one of many concurrent aliases wins" hold.
class LinkStore
  class AliasTaken < StandardError; end

  def initialize(dir)
    FileUtils.mkdir_p(dir)
    path = File.join(dir, 'links.log')
    @links = {}
    @lock = Mutex.new
    if File.exist?(path)
      File.foreach(path) do |line|
        apply(JSON.parse(line))
      rescue JSON::ParserError
        break # a line cut short by a crash was never acknowledged
      end
    end
    @log = File.open(path, 'a')
  end

  def insert(link)
    @lock.synchronize do
      raise AliasTaken if @links.key?(link['code'])

      write('op' => 'create', 'link' => link)
      @links[link['code']] = link
      link.dup
    end
  end

  def get(code)
    @lock.synchronize { @links[code]&.dup }
  end

  def click(code, at)
    @lock.synchronize do
      event = { 'op' => 'click', 'code' => code, 'at' => at }
      write(event)
      apply(event)
    end
  end

  private

  def write(event)
    @log.write("#{event.to_json}\n")
    @log.flush
    @log.fsync
  end

  def apply(event)
    if event['op'] == 'create'
      @links[event['link']['code']] = event['link']
    elsif (link = @links[event['code']])
      link['clicks'] += 1
      link['lastAccessedAt'] = event['at']
    end
  end
end
