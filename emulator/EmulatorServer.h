#pragma once

#include "Emulator.h"

#include <QAbstractHttpServer>

namespace fc::emu {

// The HTTP side of the emulator. Routing is our own (QHttpServer 6.4's router cannot tell a
// wrong method from an unknown path), so it derives from QAbstractHttpServer.
class EmulatorServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit EmulatorServer(EmulatorOptions options, QObject *parent = nullptr);

    void setFaults(const Faults &faults) { m_faults = faults; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    EmulatorOptions m_options;
    Faults m_faults;
};

} // namespace fc::emu
