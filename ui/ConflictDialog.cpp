#include "ConflictDialog.h"

#include "CodeEditor.h"
#include "LineDiff.h"

#include <QDateTime>
#include <QLocale>
#include <QScrollBar>

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace fc {

ConflictDialog::ConflictDialog(const QString &mineJson, const QString &serverJson,
                               const QString &serverModified, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"conflictDialog"_s);
    setWindowTitle(tr("The flow changed on the server"));
    setAccessibleName(windowTitle());
    auto *layout = new QGridLayout(this);
    // The service's time (UTC, ISO 8601) in the user's own time zone and format.
    const QDateTime modified = QDateTime::fromString(serverModified, Qt::ISODateWithMs);
    const QString when =
        modified.isValid() ? QLocale().toString(modified.toLocalTime(), QLocale::LongFormat) : serverModified;
    auto *intro = new QLabel(tr("Someone changed this flow on the server (last modified %1) since you "
                                "opened it. Compare both versions and choose which one to keep.")
                                 .arg(when));
    intro->setWordWrap(true);
    layout->addWidget(intro, 0, 0, 1, 2);
    layout->addWidget(new QLabel(tr("<b>Your version</b>")), 1, 0);
    layout->addWidget(new QLabel(tr("<b>The server's version</b>")), 1, 1);
    auto *mine = new CodeEditor;
    mine->setObjectName(u"conflictMine"_s);
    mine->setAccessibleName(tr("Your version"));
    mine->setReadOnly(true);
    mine->setPlainText(mineJson);
    auto *server = new CodeEditor;
    server->setObjectName(u"conflictServer"_s);
    server->setAccessibleName(tr("The server's version"));
    server->setReadOnly(true);
    server->setPlainText(serverJson);
    layout->addWidget(mine, 2, 0);
    layout->addWidget(server, 2, 1);
    layout->setRowStretch(2, 1);

    // What differs is marked on both sides, and the two scroll together so that the marks face
    // each other.
    const LineDiff diff = LineDiff::compare(mineJson, serverJson);
    mine->setMarkedLines(diff.changedLeft, QColor(0xd0, 0x40, 0x40, 70));
    server->setMarkedLines(diff.changedRight, QColor(0x30, 0xa0, 0x50, 70));
    auto *summary = new QLabel(
        diff.isEmpty() ? tr("Both versions have the same definition and name.")
                       : tr("%n place(s) differ, marked on both sides.", nullptr, diff.hunkCount()));
    summary->setObjectName(u"conflictSummary"_s);
    layout->addWidget(summary, 3, 0, 1, 2);
    QScrollBar *left = mine->verticalScrollBar();
    QScrollBar *right = server->verticalScrollBar();
    connect(left, &QScrollBar::valueChanged, right, [right](int value) {
        if (right->value() != value)
            right->setValue(value);
    });
    connect(right, &QScrollBar::valueChanged, left, [left](int value) {
        if (left->value() != value)
            left->setValue(value);
    });

    auto *buttons = new QDialogButtonBox;
    QPushButton *keep = buttons->addButton(tr("Save &my version"), QDialogButtonBox::AcceptRole);
    keep->setObjectName(u"keepMineButton"_s);
    QPushButton *take = buttons->addButton(tr("Take the &server's version"), QDialogButtonBox::ResetRole);
    take->setObjectName(u"takeServersButton"_s);
    QPushButton *back = buttons->addButton(tr("&Back to editing"), QDialogButtonBox::RejectRole);
    back->setObjectName(u"keepEditingButton"_s);
    layout->addWidget(buttons, 4, 0, 1, 2);
    connect(keep, &QPushButton::clicked, this, [this] {
        emit chosen(KeepMine);
        accept();
    });
    connect(take, &QPushButton::clicked, this, [this] {
        emit chosen(TakeServers);
        accept();
    });
    connect(back, &QPushButton::clicked, this, &QDialog::reject);
    connect(this, &QDialog::rejected, this, [this] { emit chosen(KeepEditing); });
    resize(1000, 600);
}

} // namespace fc
