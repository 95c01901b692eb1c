#include "EmulatorServer.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

EmulatorServer::EmulatorServer(EmulatorOptions options, QObject *parent)
    : QAbstractHttpServer(parent), m_options(std::move(options))
{}

bool EmulatorServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    missingHandler(request, socket);
    return true;
}

void EmulatorServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QJsonObject body{{u"error"_s, QJsonObject{{u"code"_s, u"NotFound"_s},
                                                   {u"message"_s, QString(u"No such resource: "_s + request.url().path())}}}};
    makeResponder(request, socket)
        .write(QJsonDocument(body), QHttpServerResponder::StatusCode::NotFound);
}

} // namespace fc::emu
