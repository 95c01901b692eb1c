#include "RunDisplay.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <array>

namespace fc {

QString RunDisplay::statusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Running:
        return tr("Running");
    case RunStatus::Waiting:
        return tr("Waiting");
    case RunStatus::Succeeded:
        return tr("Succeeded");
    case RunStatus::Failed:
        return tr("Failed");
    case RunStatus::Cancelled:
        return tr("Cancelled");
    case RunStatus::Suspended:
        return tr("Suspended");
    case RunStatus::Canceling:
        return tr("Cancelling");
    case RunStatus::Unknown:
        break;
    }
    return tr("Unknown");
}

QColor RunDisplay::statusColor(RunStatus status)
{
    switch (status) {
    case RunStatus::Running:
        return QColor(0x00, 0x78, 0xd4);
    case RunStatus::Waiting:
        return QColor(0xb0, 0x8a, 0x00);
    case RunStatus::Succeeded:
        return QColor(0x10, 0x7c, 0x10);
    case RunStatus::Failed:
        return QColor(0xd1, 0x34, 0x38);
    case RunStatus::Cancelled:
    case RunStatus::Canceling:
        return QColor(0x79, 0x77, 0x75);
    case RunStatus::Suspended:
        return QColor(0xca, 0x50, 0x10);
    case RunStatus::Unknown:
        break;
    }
    return QColor(0xa1, 0x9f, 0x9d);
}

static QPixmap drawStatus(RunStatus status, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    const QRectF disc(s * 0.06, s * 0.06, s * 0.88, s * 0.88);
    p.setPen(Qt::NoPen);
    p.setBrush(RunDisplay::statusColor(status));
    p.drawEllipse(disc);
    QPen pen(Qt::white, s * 0.13, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    switch (status) {
    case RunStatus::Succeeded: {
        QPainterPath check;
        check.moveTo(s * 0.28, s * 0.52);
        check.lineTo(s * 0.44, s * 0.68);
        check.lineTo(s * 0.72, s * 0.36);
        p.drawPath(check);
        break;
    }
    case RunStatus::Failed:
        p.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67));
        p.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67));
        break;
    case RunStatus::Cancelled:
    case RunStatus::Canceling:
        p.drawLine(QPointF(s * 0.3, s * 0.5), QPointF(s * 0.7, s * 0.5));
        break;
    case RunStatus::Running:
        // An open ring: something in progress.
        p.drawArc(QRectF(s * 0.28, s * 0.28, s * 0.44, s * 0.44), 90 * 16, -270 * 16);
        break;
    case RunStatus::Waiting:
    case RunStatus::Suspended:
        p.drawLine(QPointF(s * 0.4, s * 0.32), QPointF(s * 0.4, s * 0.68));
        p.drawLine(QPointF(s * 0.6, s * 0.32), QPointF(s * 0.6, s * 0.68));
        break;
    case RunStatus::Unknown:
        p.drawPoint(QPointF(s * 0.5, s * 0.5));
        break;
    }
    return pixmap;
}

QIcon RunDisplay::statusIcon(RunStatus status)
{
    // Drawn once per status: the grid asks for an icon on every painted row.
    static std::array<QIcon, 8> icons;
    QIcon &icon = icons[static_cast<std::size_t>(status) % icons.size()];
    if (icon.isNull()) {
        icon.addPixmap(drawStatus(status, 16));
        icon.addPixmap(drawStatus(status, 32));
    }
    return icon;
}

QString RunDisplay::durationText(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    const qint64 s = ms / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    if (s < 86400)
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

QList<RunStatus> RunDisplay::allStatuses()
{
    return {RunStatus::Running,   RunStatus::Waiting,   RunStatus::Succeeded, RunStatus::Failed,
            RunStatus::Cancelled, RunStatus::Suspended, RunStatus::Canceling};
}

} // namespace fc
