#include "Emulator.h"
#include "EmulatorServer.h"

#include <QHostAddress>
#include <QMetaObject>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

Emulator::Emulator(EmulatorOptions options, QObject *parent) : QObject(parent), m_options(std::move(options)) {}

Emulator::~Emulator()
{
    stop();
}

bool Emulator::start(QString *errorMessage)
{
    if (m_thread)
        return true;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(u"flowconsole-emulator"_s);
    m_thread->start();
    quint16 port = 0;
    m_server = new EmulatorServer(m_options);
    m_server->moveToThread(m_thread.get());
    // The server must be created and listen on its own thread; wait for that once, at start.
    QMetaObject::invokeMethod(
        m_server, [this, &port] { port = m_server->listen(QHostAddress::LocalHost, m_options.port); },
        Qt::BlockingQueuedConnection);
    if (port == 0) {
        if (errorMessage)
            *errorMessage = tr("The emulator could not listen on 127.0.0.1 port %1.").arg(m_options.port);
        stop();
        return false;
    }
    m_baseUrl = QUrl(u"http://127.0.0.1:"_s + QString::number(port));
    return true;
}

void Emulator::stop()
{
    if (!m_thread)
        return;
    if (m_server)
        QMetaObject::invokeMethod(m_server, [server = m_server] { delete server; }, Qt::BlockingQueuedConnection);
    m_server = nullptr;
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
}

bool Emulator::isRunning() const
{
    return m_thread != nullptr;
}

QUrl Emulator::baseUrl() const
{
    return m_baseUrl;
}

quint16 Emulator::port() const
{
    return static_cast<quint16>(m_baseUrl.port());
}

QString Emulator::tenantId() const
{
    return u"00000000-0000-4000-8000-00000000c0de"_s;
}

QString Emulator::demoUserUpn() const
{
    return u"adele.vance@contoso.example"_s;
}

void Emulator::setFaults(const Faults &faults)
{
    if (m_server)
        QMetaObject::invokeMethod(m_server, [server = m_server, faults] { server->setFaults(faults); });
}

EmulatorServer *Emulator::server() const
{
    return m_server;
}

} // namespace fc::emu
