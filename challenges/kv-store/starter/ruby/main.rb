# frozen_string_literal: true

# Starting point: a working HTTP service with a health check. Everything else is yours to design and build.
require 'sinatra/base'
require 'json'
require 'fileutils'

class KvStore < Sinatra::Base
  # Persist anything that must survive a restart under DATA_DIR.
  DATA_DIR = ENV.fetch('DATA_DIR', '.data')
  FileUtils.mkdir_p(DATA_DIR)

  set :bind, '0.0.0.0'
  set :port, Integer(ENV.fetch('PORT', '8080'))
  set :server, 'webrick'
  set :logging, false

  get '/health' do
    content_type :json
    { status: 'ok' }.to_json
  end

  put '/kv/:key' do
    status 501
    content_type :json
    { error: 'not_implemented', message: 'TODO: implement PUT /kv/{key}' }.to_json
  end

  run! if app_file == $PROGRAM_NAME
end
