#include "ConflictDialog.h"

#include "CodeEditor.h"

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
    auto *intro = new QLabel(tr("Someone changed this flow on the server (last modified %1) since you "
                                "opened it. Compare both versions and choose which one to keep.")
                                 .arg(serverModified));
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

    auto *buttons = new QDialogButtonBox;
    QPushButton *keep = buttons->addButton(tr("Save &my version"), QDialogButtonBox::AcceptRole);
    keep->setObjectName(u"keepMineButton"_s);
    QPushButton *take = buttons->addButton(tr("Take the &server's version"), QDialogButtonBox::ResetRole);
    take->setObjectName(u"takeServersButton"_s);
    QPushButton *back = buttons->addButton(tr("&Back to editing"), QDialogButtonBox::RejectRole);
    back->setObjectName(u"keepEditingButton"_s);
    layout->addWidget(buttons, 3, 0, 1, 2);
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
