# frozen_string_literal: true

# Starting point: a working HTTP service with a health check. Everything else is yours to design and build.
require 'sinatra/base'
require 'json'

class RateLimiter < Sinatra::Base
  set :bind, '0.0.0.0'
  set :port, Integer(ENV.fetch('PORT', '8080'))
  set :server, 'webrick'
  set :logging, false

  get '/health' do
    content_type :json
    { status: 'ok' }.to_json
  end

  get %r{/api/.*} do
    status 501
    content_type :json
    { error: 'not_implemented', message: 'TODO: implement GET /api/resource' }.to_json
  end

  run! if app_file == $PROGRAM_NAME
end
